package io.prepline.conformance.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values for a JSON Schema of an OpenAPI 3.1 document: one valid instance, and the boundary and invalid values a
 * client may send instead (empty, at and past the length and range limits, wrong types, huge numbers, unicode,
 * control characters, deep nesting).
 */
final class Schemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Longer than any field the services accept, shorter than their body limits. */
    private static final int LONG = 20_000;
    /** Items in the array past every maxItems: the body stays small (see RequestGenerator#wholeBodies). */
    private static final int MANY = 1_000;

    private final JsonNode document;

    Schemas(JsonNode document) {
        this.document = document;
    }

    /** The schema itself, or the one its {@code $ref} points at (one level of nesting per call). */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s != null && s.has("$ref"); i++) {
            s = document.at(s.get("$ref").asText().substring(1));
        }
        return s == null || s.isMissingNode() ? NODES.objectNode() : s;
    }

    /** The first type the schema names other than {@code null}, or "object"/"string" by its keywords. */
    String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (s.has(combinator)) {
                for (JsonNode alternative : s.get(combinator)) {
                    String t = type(alternative);
                    if (!t.equals("null")) {
                        return t;
                    }
                }
            }
        }
        return s.has("properties") ? "object" : s.has("items") ? "array" : "string";
    }

    /** A schema without its combinators: the first alternative that is not {@code null}. */
    JsonNode concrete(JsonNode schema) {
        JsonNode s = resolve(schema);
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (s.has(combinator) && !s.has("properties")) {
                for (JsonNode alternative : s.get(combinator)) {
                    if (!type(alternative).equals("null")) {
                        return concrete(alternative);
                    }
                }
            }
        }
        return s;
    }

    /** One valid instance: every property filled, the shortest valid strings, the lowest valid numbers. */
    JsonNode valid(JsonNode schema, int depth) {
        JsonNode s = concrete(schema);
        if (s.has("const")) {
            return s.get("const");
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        if (s.has("examples") && s.get("examples").isArray() && s.get("examples").size() > 0) {
            return s.get("examples").get(0);
        }
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("default") && !s.get("default").isNull()) {
            return s.get("default");
        }
        switch (type(s)) {
            case "integer":
                return NODES.numberNode(Math.max(s.path("minimum").asLong(1), 1));
            case "number":
                return NODES.numberNode(Math.max(s.path("minimum").asDouble(1), 1));
            case "boolean":
                return NODES.booleanNode(true);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, s.path("minItems").asInt(1));
                for (int i = 0; i < items && depth < 6; i++) {
                    array.add(valid(s.path("items"), depth + 1));
                }
                return array;
            }
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    for (Map.Entry<String, JsonNode> p : properties(s)) {
                        if (!p.getValue().path("readOnly").asBoolean(false)) {
                            object.set(p.getKey(), valid(p.getValue(), depth + 1));
                        }
                    }
                }
                return object;
            }
            default:
                return NODES.textNode(validString(s));
        }
    }

    private static String validString(JsonNode s) {
        String format = s.path("format").asText("");
        switch (format) {
            case "uuid":
                return UUID.randomUUID().toString();
            case "date-time":
                return "2026-01-01T00:00:00Z";
            case "date":
                return "2026-01-01";
            case "uri", "url":
                return "https://example.com/";
            case "email":
                return "someone@example.com";
            default:
                int min = s.path("minLength").asInt(1);
                return "fuzz".repeat(Math.max(1, (min + 3) / 4)).substring(0, Math.max(min, 4));
        }
    }

    List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
        JsonNode s = concrete(schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
            properties.add(it.next());
        }
        for (JsonNode part : s.path("allOf")) {
            properties.addAll(properties(part));
        }
        return properties;
    }

    /** Boundary and invalid values for a value of this schema, the valid ones at the limits included. */
    List<JsonNode> hostile(JsonNode schema) {
        JsonNode s = concrete(schema);
        List<JsonNode> values = new ArrayList<>(common());
        switch (type(s)) {
            case "integer", "number" -> {
                if (s.has("minimum")) {
                    values.add(NODES.numberNode(s.get("minimum").asLong()));
                    values.add(NODES.numberNode(s.get("minimum").asLong() - 1));
                }
                if (s.has("maximum")) {
                    values.add(NODES.numberNode(s.get("maximum").asLong()));
                    values.add(NODES.numberNode(s.get("maximum").asLong() + 1));
                }
                values.add(NODES.numberNode(-1));
                values.add(NODES.numberNode(0));
                values.add(NODES.numberNode(2_147_483_648L));
                values.add(NODES.numberNode(new java.math.BigInteger("9".repeat(40))));
                values.add(NODES.numberNode(1.5));
                values.add(NODES.numberNode(1e308));
                values.add(NODES.textNode("1"));
            }
            case "array" -> {
                values.add(NODES.arrayNode());
                ArrayNode many = NODES.arrayNode();
                int count = s.has("maxItems") ? s.get("maxItems").asInt() + 1 : MANY;
                JsonNode item = valid(s.path("items"), 3);
                for (int i = 0; i < Math.min(count, MANY); i++) {
                    many.add(item);
                }
                values.add(many);
                values.add(NODES.arrayNode().addNull());
                values.add(NODES.arrayNode().add(12345));
                values.add(NODES.textNode("not an array"));
            }
            case "object" -> {
                values.add(NODES.objectNode());
                values.add(NODES.textNode("not an object"));
                values.add(deep(200));
            }
            case "boolean" -> {
                values.add(NODES.textNode("true"));
                values.add(NODES.numberNode(1));
            }
            default -> values.addAll(strings(s));
        }
        if (s.has("enum")) {
            values.add(NODES.textNode("NOT_ONE_OF_THEM"));
            values.add(NODES.textNode(s.get("enum").path(0).asText().toLowerCase(java.util.Locale.ROOT)));
        }
        return values;
    }

    private static List<JsonNode> common() {
        return List.of(NODES.nullNode(), NODES.booleanNode(false));
    }

    private static List<JsonNode> strings(JsonNode s) {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.textNode(""));
        values.add(NODES.textNode("   "));
        if (s.has("maxLength")) {
            int max = s.get("maxLength").asInt();
            values.add(NODES.textNode("x".repeat(Math.min(max, LONG))));
            values.add(NODES.textNode("x".repeat(Math.min(max + 1, LONG + 1))));
        }
        if (s.has("minLength") && s.get("minLength").asInt() > 1) {
            values.add(NODES.textNode("x".repeat(s.get("minLength").asInt() - 1)));
        }
        values.add(NODES.textNode("x".repeat(LONG)));
        values.addAll(Strings.hostile().stream().map(NODES::textNode).toList());
        values.add(NODES.numberNode(12345));
        values.add(NODES.arrayNode().add("x"));
        values.add(NODES.objectNode().put("x", "y"));
        return values;
    }

    /** {"a":{"a":...}} nested {@code levels} deep. */
    static JsonNode deep(int levels) {
        ObjectNode root = NODES.objectNode();
        ObjectNode node = root;
        for (int i = 0; i < levels; i++) {
            node = node.putObject("a");
        }
        return root;
    }
}
