package io.prepline.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the value is the data. */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    /** Who produced the event: {@code /<service>} (see {@code prepline.outbox.source}). */
    public static final String SOURCE = "ce_source";

    private CloudEvents() {
    }

    public static void addHeaders(ProducerRecord<String, String> record, String id, String source, String type,
                                  Instant time) {
        header(record, "ce_specversion", SPEC_VERSION);
        header(record, "ce_id", id);
        header(record, SOURCE, source);
        header(record, "ce_type", type);
        header(record, "ce_time", time.toString());
        header(record, "content-type", "application/json");
    }

    /** The last value of a header as text, or null when the record has none. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
