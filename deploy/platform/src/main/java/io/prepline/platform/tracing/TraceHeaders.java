package io.prepline.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context as it crosses a service boundary: a {@code traceparent} stored with an outbox row and sent as
 * the Kafka header of the same name. Without a valid span (tracing off, no incoming context) there is nothing to
 * carry and every method answers null or the root context.
 */
public final class TraceHeaders {

    /** The Kafka header (and the outbox column) that carries the trace context. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceHeaders() {
    }

    /** The traceparent of the current span, or null when there is no valid span. */
    public static String current() {
        return traceparent(Context.current());
    }

    /** The traceparent of the span in {@code context}, or null when it has no valid span. */
    public static String traceparent(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a traceparent continues; the root context when it is null or not a valid traceparent. */
    public static Context context(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), traceparent, VALUE);
    }

    /** The context the {@code traceparent} header of a record continues, or the root context. */
    public static Context context(Headers headers) {
        return context(value(headers));
    }

    /** The span context a traceparent names; invalid when it names none. */
    public static SpanContext spanContext(String traceparent) {
        return Span.fromContext(context(traceparent)).getSpanContext();
    }

    /** Sets the {@code traceparent} header to the span of {@code context}, or removes it when there is none. */
    public static void set(Headers headers, Context context) {
        headers.remove(TRACEPARENT);
        String traceparent = traceparent(context);
        if (traceparent != null) {
            headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String value(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
