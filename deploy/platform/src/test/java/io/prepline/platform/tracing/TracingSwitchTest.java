package io.prepline.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The one variable that turns tracing on, and the trace context as outbox rows and records carry it. */
class TracingSwitchTest {

    @Test
    void withoutTheVariableTracingStaysOffAndWithItTheCollectorIsTheEndpoint() {
        assertEquals(Set.of(), new CollectorConfigSource(null).getPropertyNames());
        assertEquals(Set.of(), new CollectorConfigSource(" ").getPropertyNames());
        CollectorConfigSource collector = new CollectorConfigSource(" http://collector:4317 ");
        assertEquals(Set.of("prepline.tracing.endpoint"), collector.getPropertyNames());
        assertEquals("http://collector:4317", collector.getValue("prepline.tracing.endpoint"));
        assertTrue(collector.getOrdinal() > 250 && collector.getOrdinal() < 300,
                "above application.properties, below the environment");
    }

    @Test
    void aSpanContextSurvivesTheHeaderAndWithoutOneNothingIsCarried() {
        SpanContext span = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        RecordHeaders headers = new RecordHeaders();
        TraceHeaders.set(headers, Context.root().with(Span.wrap(span)));
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                new String(headers.lastHeader(TraceHeaders.TRACEPARENT).value()));
        SpanContext read = Span.fromContext(TraceHeaders.context(headers)).getSpanContext();
        assertEquals(span.getTraceId(), read.getTraceId());
        assertEquals(span.getSpanId(), read.getSpanId());
        assertTrue(read.isRemote());

        TraceHeaders.set(headers, Context.root());
        assertNull(headers.lastHeader(TraceHeaders.TRACEPARENT), "no span, no header");
        assertNull(TraceHeaders.current());
        assertFalse(TraceHeaders.spanContext("00-not-a-trace").isValid());
        assertFalse(TraceHeaders.spanContext(null).isValid());
    }
}
