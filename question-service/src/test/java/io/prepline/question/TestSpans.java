package io.prepline.question;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The spans this service finishes in tests, kept in memory for the tests to read (see FinishedSpans). */
@ApplicationScoped
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter finishedSpans() {
        return InMemorySpanExporter.create();
    }
}
