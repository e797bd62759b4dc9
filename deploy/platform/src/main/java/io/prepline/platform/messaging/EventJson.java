package io.prepline.platform.messaging;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.prepline.platform.consumer.EventChecks;
import io.prepline.platform.consumer.RejectedRecord;

/** JSON of event payloads: consumers tolerate unknown fields, as the event contracts require; times are ISO-8601. */
public final class EventJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * Reads consumed events: unknown fields are ignored, but no value is coerced into another type (a revision of
     * 1.5 or "2", an id of 42) and nothing may follow the document.
     */
    private static final ObjectMapper EVENTS = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    private static final int SHOWN_CHARS = 200;

    private EventJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    /**
     * Reads a consumed event into its record, whose compact constructor validates it.
     *
     * @throws RejectedRecord {@code MALFORMED} when there is no value, it is not JSON or a field has the wrong type;
     *                        {@code INVALID} as the record's validation says
     */
    public static <T> T readEvent(String json, Class<T> type) {
        if (json == null) {
            throw new RejectedRecord(RejectedRecord.Reason.MALFORMED, "the record has no value");
        }
        T event;
        try {
            event = EVENTS.readValue(json, type);
        } catch (JsonProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RejectedRecord rejected) {
                    throw rejected;
                }
            }
            throw new RejectedRecord(RejectedRecord.Reason.MALFORMED, malformed(e));
        }
        if (event == null) {
            throw new RejectedRecord(RejectedRecord.Reason.MALFORMED, "the value is JSON null");
        }
        return event;
    }

    private static String malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String shown = message.length() > SHOWN_CHARS ? message.substring(0, SHOWN_CHARS) + "..." : message;
        if (e instanceof JsonParseException) {
            return "not JSON: " + shown;
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping) + " has the wrong type or format: " + shown;
        }
        return "not the event's shape: " + shown;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + EventChecks.shown(r.getFieldName()).replace("\"", "")
                        : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
