package io.prepline.answer.publishing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks an event against the JSON Schema this service publishes for it: required fields, types, enums and integer
 * bounds (the subset of JSON Schema the event schemas use).
 */
public final class SchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaCheck() {
    }

    public static void assertValid(String topic, JsonNode event) {
        JsonNode schema;
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/schemas/" + topic + ".json")) {
            assertTrue(in != null, "schema of " + topic);
            schema = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        schema.get("required").forEach(name -> assertTrue(event.has(name.asText()),
                topic + " requires " + name.asText() + " in " + event));
        schema.get("properties").properties().forEach(property -> {
            JsonNode value = event.get(property.getKey());
            if (value != null) {
                check(topic + "." + property.getKey(), property.getValue(), value);
            }
        });
    }

    private static void check(String where, JsonNode rule, JsonNode value) {
        if (rule.has("enum")) {
            List<String> allowed = new ArrayList<>();
            rule.get("enum").forEach(v -> allowed.add(v.asText()));
            assertTrue(allowed.contains(value.asText()), where + " not in " + allowed + ": " + value);
            return;
        }
        List<String> types = new ArrayList<>();
        JsonNode type = rule.get("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        String actual = value.isNull() ? "null" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                : value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
        if (!types.contains(actual) && !("integer".equals(actual) && types.contains("number"))) {
            fail(where + " is " + actual + ", schema allows " + types);
        }
        if (value.isNumber() && rule.has("minimum")) {
            assertTrue(value.asDouble() >= rule.get("minimum").asDouble(), where + " below minimum");
        }
        if (value.isNumber() && rule.has("maximum")) {
            assertTrue(value.asDouble() <= rule.get("maximum").asDouble(), where + " above maximum");
        }
        if (value.isTextual() && rule.has("minLength")) {
            assertTrue(value.asText().length() >= rule.get("minLength").asInt(), where + " too short");
        }
    }
}
