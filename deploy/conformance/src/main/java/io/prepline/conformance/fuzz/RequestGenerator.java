package io.prepline.conformance.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Walks a service's OpenAPI document and makes requests for every operation: a valid one with every caller (each
 * role, none, an expired and a garbage token), then each path, query and header parameter and each body field in turn
 * replaced by boundary and invalid values, whole bodies that are not what the operation takes, and finally random
 * combinations of those until the budget is spent. Valid values come from the schemas, or from what earlier responses
 * named ({@link Harvest}: slugs, ids), so that requests reach past "not found".
 */
final class RequestGenerator {

    static final List<String> CALLERS_WITHOUT_ROLE = List.of("none", "expired", "garbage");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;
    private final Schemas schemas;
    private final Harvest harvest;
    private final List<String> callers;
    private final Random random;
    private int turn;

    RequestGenerator(JsonNode document, Harvest harvest, List<String> roles, long seed) {
        this.document = document;
        this.schemas = new Schemas(document);
        this.harvest = harvest;
        this.callers = new ArrayList<>(roles);
        this.callers.addAll(CALLERS_WITHOUT_ROLE);
        this.random = new Random(seed);
    }

    record Operation(String method, String template, JsonNode spec) {
        String name() {
            return method.toUpperCase() + " " + template;
        }

        boolean hasPathParameters() {
            return template.contains("{");
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method, path.getKey(), path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    /** A valid request for each operation with each caller. */
    void valid(Operation op, Consumer<FuzzRequest> out) {
        for (String caller : callers) {
            out.accept(build(op, caller, Map.of(), Map.of(), Map.of(), validBody(op)));
        }
    }

    /** Every parameter and body field in turn hostile, the rest valid; whole bodies of the wrong kind. */
    void systematic(Operation op, Consumer<FuzzRequest> out) {
        for (JsonNode parameter : parameters(op)) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            for (JsonNode value : schemas.hostile(parameter.path("schema"))) {
                String text = value.isTextual() ? value.asText() : value.toString();
                if (!fitsTheRequestLine(in, text)) {
                    continue;
                }
                switch (in) {
                    case "path" -> out.accept(build(op, nextCaller(), Map.of(name, text), Map.of(), Map.of(),
                            validBody(op)));
                    case "query" -> out.accept(build(op, nextCaller(), Map.of(), Map.of(name, text), Map.of(),
                            validBody(op)));
                    case "header" -> out.accept(build(op, nextCaller(), Map.of(), Map.of(), Map.of(name, text),
                            validBody(op)));
                    default -> {
                    }
                }
            }
        }
        out.accept(build(op, nextCaller(), Map.of(), Map.of("unknownParameter", "1"), Map.of(), validBody(op)));
        for (String accept : List.of("application/xml", "text/html", "*/*", "application/json;q=0, text/plain")) {
            out.accept(build(op, nextCaller(), Map.of(), Map.of(), Map.of("Accept", accept), validBody(op)));
        }
        JsonNode bodySchema = bodySchema(op);
        if (bodySchema == null) {
            return;
        }
        for (String body : wholeBodies()) {
            out.accept(build(op, nextCaller(), Map.of(), Map.of(), Map.of(), body));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "")) {
            out.accept(build(op, nextCaller(), Map.of(), Map.of(), Map.of("Content-Type", type), validBody(op)));
        }
        for (Map.Entry<String, JsonNode> field : schemas.properties(bodySchema)) {
            forField(op, List.of(field.getKey()), field.getValue(), out);
            if (schemas.type(field.getValue()).equals("object")) {
                for (Map.Entry<String, JsonNode> inner : schemas.properties(field.getValue())) {
                    forField(op, List.of(field.getKey(), inner.getKey()), inner.getValue(), out);
                }
            }
            if (schemas.type(field.getValue()).equals("array")) {
                JsonNode items = schemas.concrete(field.getValue()).path("items");
                for (Map.Entry<String, JsonNode> inner : schemas.properties(items)) {
                    forField(op, List.of(field.getKey(), "0", inner.getKey()), inner.getValue(), out);
                }
            }
        }
    }

    /** A random mix of the above: a hostile value in one or two places, any caller. */
    FuzzRequest random(List<Operation> operations) {
        Operation op = operations.get(random.nextInt(operations.size()));
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : parameters(op)) {
            if (random.nextInt(3) == 0) {
                List<JsonNode> values = schemas.hostile(parameter.path("schema"));
                JsonNode value = values.get(random.nextInt(values.size()));
                String text = value.isTextual() ? value.asText() : value.toString();
                if (!fitsTheRequestLine(parameter.path("in").asText(), text)) {
                    continue;
                }
                switch (parameter.path("in").asText()) {
                    case "path" -> path.put(parameter.path("name").asText(), text);
                    case "query" -> query.put(parameter.path("name").asText(), text);
                    case "header" -> headers.put(parameter.path("name").asText(), text);
                    default -> {
                    }
                }
            }
        }
        String body = validBody(op);
        JsonNode bodySchema = bodySchema(op);
        if (bodySchema != null && body != null) {
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(body);
                List<Map.Entry<String, JsonNode>> fields = schemas.properties(bodySchema);
                for (int i = 0; i < 1 + random.nextInt(2) && !fields.isEmpty(); i++) {
                    Map.Entry<String, JsonNode> field = fields.get(random.nextInt(fields.size()));
                    List<JsonNode> values = schemas.hostile(field.getValue());
                    node.set(field.getKey(), values.get(random.nextInt(values.size())));
                }
                body = node.toString();
            } catch (Exception e) {
                body = "{";
            }
        }
        return build(op, callers.get(random.nextInt(callers.size())), path, query, headers, body);
    }

    /**
     * Whether a value can stand in a parameter of this kind. A path value that is empty or holds a slash names
     * another path (the collection, a deeper resource), not this operation with a bad parameter; a value longer than
     * 2,000 characters would make the request line longer than the 4 KB the HTTP server reads, which it refuses with
     * 414 before any operation (Vert.x's limit, outside the API).
     */
    static boolean fitsTheRequestLine(String in, String value) {
        if (in.equals("path") && (value.isEmpty() || value.contains("/"))) {
            return false;
        }
        return !(in.equals("path") || in.equals("query")) || value.length() <= 2_000;
    }

    private void forField(Operation op, List<String> field, JsonNode schema, Consumer<FuzzRequest> out) {
        String valid = validBody(op);
        out.accept(build(op, nextCaller(), Map.of(), Map.of(), Map.of(), Bodies.without(valid, field)));
        for (JsonNode value : schemas.hostile(schema)) {
            out.accept(build(op, nextCaller(), Map.of(), Map.of(), Map.of(), Bodies.with(valid, field, value)));
        }
    }

    /**
     * Bodies stay below 64 KB: a server may answer before reading a body (401, 413) and stop reading it, and this
     * client reads no answer before it has sent the whole body, so a larger one would only test the client. Bodies
     * past the services' limit are refused with 413 in their own tests.
     */
    private static List<String> wholeBodies() {
        return List.of("", "{", "}", "[]", "null", "\"text\"", "12", "{}", "not json at all", "{\"a\":1,\"a\":2}",
                "\ufeff{}", deepText(100), deepText(5_000),
                "[" + "1,".repeat(25_000) + "1]", "{\"x\":\"" + "y".repeat(60_000) + "\"}");
    }

    /** {"a":{"a":...}} nested deeper than a JSON writer would write it. */
    private static String deepText(int levels) {
        return "{\"a\":".repeat(levels) + "{}" + "}".repeat(levels);
    }

    private String nextCaller() {
        return callers.get(turn++ % callers.size());
    }

    private List<JsonNode> parameters(Operation op) {
        List<JsonNode> parameters = new ArrayList<>();
        op.spec().path("parameters").forEach(p -> parameters.add(schemas.resolve(p)));
        return parameters;
    }

    JsonNode bodySchema(Operation op) {
        JsonNode content = op.spec().path("requestBody").path("content");
        JsonNode media = content.has("application/json") ? content.get("application/json") : null;
        return media == null ? null : media.path("schema");
    }

    private String validBody(Operation op) {
        JsonNode schema = bodySchema(op);
        if (schema == null) {
            return null;
        }
        JsonNode body = schemas.valid(schema, 0);
        if (body instanceof ObjectNode object) {
            // ids the services gave out (a question id to answer), so that the valid body names something that exists
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.stream().filter(name -> name.endsWith("Id"))
                    .forEach(name -> harvest.any(name).ifPresent(v -> object.put(name, v)));
        }
        return body.toString();
    }

    private FuzzRequest build(Operation op, String caller, Map<String, String> pathValues,
                              Map<String, String> queryValues, Map<String, String> extraHeaders, String body) {
        String path = op.template();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : parameters(op)) {
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "path" -> {
                    String value = pathValues.containsKey(name) ? pathValues.get(name)
                            : harvest.any(name).orElseGet(() -> schemas.valid(parameter.path("schema"), 0).asText());
                    path = path.replace("{" + name + "}", encode(value));
                }
                case "query" -> {
                    if (parameter.path("required").asBoolean(false) && !queryValues.containsKey(name)) {
                        query.put(name, schemas.valid(parameter.path("schema"), 0).asText());
                    }
                }
                default -> {
                }
            }
        }
        query.putAll(queryValues);
        headers.putAll(extraHeaders);
        if (body != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        headers.entrySet().removeIf(h -> h.getValue().isEmpty() && h.getKey().equals("Content-Type"));
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return new FuzzRequest(op.name(), op.method().toUpperCase(), path, q.toString(), headers, body, caller);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
