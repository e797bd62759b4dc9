package io.prepline.platform.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans a service finishes in its tests, kept in memory for the tests to read (see {@link FinishedSpans}): a CDI
 * bean of this test jar (a bean archive), which Quarkus exports every finished span to.
 */
@ApplicationScoped
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter finishedSpans() {
        return InMemorySpanExporter.create();
    }
}
