package io.prepline.platform.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The spans a service finished, as its tests read them from the SDK's in-memory exporter ({@link TestSpans} produces
 * it as a CDI bean, which Quarkus exports to).
 */
public final class FinishedSpans {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private FinishedSpans() {
    }

    /** A traceparent of a new trace, as an upstream service would send it. */
    public static String newTraceparent() {
        HexFormat hex = HexFormat.of();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }

    /** The span context a traceparent names. */
    public static SpanContext of(String traceparent) {
        return TraceHeaders.spanContext(traceparent);
    }

    /** The first finished span that matches, waiting for it. */
    public static SpanData await(InMemorySpanExporter spans, String what, Predicate<SpanData> match) {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            List<SpanData> found = spans.getFinishedSpanItems().stream().filter(match).toList();
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no finished span " + what + " within " + WAIT + "; finished: "
                + spans.getFinishedSpanItems().stream().map(s -> s.getName() + "@" + s.getTraceId()).toList());
    }

    /** The finished span of this name in this trace, waiting for it. */
    public static SpanData await(InMemorySpanExporter spans, String traceId, String name) {
        return await(spans, "'" + name + "' in trace " + traceId,
                s -> s.getTraceId().equals(traceId) && s.getName().equals(name));
    }
}
