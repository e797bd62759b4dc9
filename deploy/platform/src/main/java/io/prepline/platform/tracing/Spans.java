package io.prepline.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

/** Spans of Kafka records, named and described as OpenTelemetry's messaging conventions say. */
public final class Spans {

    private Spans() {
    }

    /**
     * Starts the span in which a consumed record is handled: a child of the span named by its {@code traceparent}
     * header, or a new trace when it has none. The caller makes it current and ends it.
     */
    public static Span process(Tracer tracer, String topic, int partition, long offset, Headers headers) {
        return tracer.spanBuilder(topic + " process").setParent(TraceHeaders.context(headers))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.destination.partition.id", String.valueOf(partition))
                .setAttribute("messaging.kafka.offset", offset)
                .startSpan();
    }

    /**
     * Makes {@code context} current, with its trace and span ids in the log context as Quarkus puts them for requests
     * and SmallRye consumers ({@code traceId}, {@code spanId}), for threads of their own such as Kafka Streams'.
     * Closing the scope restores both.
     */
    public static Scope current(Context context) {
        Scope scope = context.makeCurrent();
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return scope;
        }
        Object traceId = MDC.put("traceId", span.getTraceId());
        Object spanId = MDC.put("spanId", span.getSpanId());
        return () -> {
            restore("traceId", traceId);
            restore("spanId", spanId);
            scope.close();
        };
    }

    /** As {@link #current(Context)} for a span. */
    public static Scope current(Span span) {
        return current(Context.current().with(span));
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
