package io.prepline.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * A service's OpenAPI document as the contract its responses are held to (Atlassian's OpenAPI request validator,
 * OpenAPI 3.1 with JSON Schema 2020-12): the status must be documented for the operation, the content type one of its
 * media types, the body valid against its schema. A request to no documented operation (an unknown path, a method the
 * path does not have) must be answered with a documented error: 404, 405 or 400 as {@code application/problem+json}
 * valid against the document's {@code Problem} schema.
 * <p>
 * Only responses are checked: the tests and the fuzzer send invalid requests on purpose. Levels relaxed:
 * <ul>
 * <li>{@code validation.request} (all request checks): see above;</li>
 * <li>{@code validation.response.header.missing}: no response header is documented as required;</li>
 * <li>{@code validation.response.body.schema.additionalProperties}: see {@link #ADDITIONAL_PROPERTIES}.</li>
 * </ul>
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s*at [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\b(?:java|jakarta|io\\.quarkus|org\\.hibernate)\\.[\\w.]*(?:Exception|Error)\\b");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String NOT_ALLOWED = "validation.request.operation.notAllowed";
    /**
     * A property the schema does not name. The validator checks each part of an {@code allOf} on its own, so a page
     * with the caller's marks (the page's schema and the marks' schema) would fail both parts; OpenAPI allows
     * properties a schema does not name unless it says otherwise.
     */
    private static final String ADDITIONAL_PROPERTIES = "validation.response.body.schema.additionalProperties";

    private final OpenApiInteractionValidator validator;
    private final Schema problem;

    private OpenApiContract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        // what tells a request to no documented operation
                        .withLevel(PATH_MISSING, ValidationReport.Level.ERROR)
                        .withLevel(NOT_ALLOWED, ValidationReport.Level.ERROR)
                        .withLevel("validation.response.header.missing", ValidationReport.Level.IGNORE)
                        .withLevel(ADDITIONAL_PROPERTIES, ValidationReport.Level.IGNORE)
                        .build())
                .build();
        this.problem = problemSchema(document);
    }

    /** The document as JSON text. */
    public static OpenApiContract of(String document) {
        return new OpenApiContract(document);
    }

    /** The document a service serves on its management interface, such as {@code http://localhost:9081/q}. */
    public static OpenApiContract served(String management) {
        String url = management + "/openapi?format=json";
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return of(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + url, e);
        }
    }

    /**
     * What is off the contract in this response (empty when nothing is): undocumented status, content type or body,
     * a 500 (documented on every operation, yet always a bug) and a stack trace.
     *
     * @param path    the request path without the query
     * @param headers the response headers (names in any case)
     * @param body    the response body, or null
     */
    public List<String> violations(String method, String path, int status, Map<String, List<String>> headers,
                                   String body) {
        List<String> violations = new ArrayList<>();
        if (status == 500) {
            violations.add("500: every failure the service expects has a problem type of its own");
        }
        if (body != null && STACK_TRACE.matcher(body).find()) {
            violations.add("a stack trace or exception class name in the body");
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type") || !values.isEmpty()) {
                response.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            response.withBody(body, StandardCharsets.UTF_8);
        }
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            if (isNoOperation(message.getKey())) {
                violations.addAll(undocumentedOperation(status, headers, body));
            } else {
                violations.add(message.getKey() + ": " + message.getMessage() + at(message));
            }
        }
        return violations;
    }

    /** Where in the body, when the message is about a field: " at /items/0/nextCursor". */
    private static String at(ValidationReport.Message message) {
        return message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(p -> " at " + (p.getInstance().isEmpty() ? "/" : p.getInstance())).orElse("");
    }

    private static boolean isNoOperation(String key) {
        return key.equals(PATH_MISSING) || key.equals(NOT_ALLOWED);
    }

    private List<String> undocumentedOperation(int status, Map<String, List<String>> headers, String body) {
        List<String> violations = new ArrayList<>();
        if (status != 404 && status != 405 && status != 400) {
            violations.add("a request to no documented operation answered " + status + ", not 404, 405 or 400");
        }
        String type = header(headers, "content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(PROBLEM_JSON)) {
            violations.add("a request to no documented operation answered " + type + ", not " + PROBLEM_JSON);
            return violations;
        }
        problem.validate(body == null ? "" : body, InputFormat.JSON)
                .forEach(error -> violations.add("Problem schema: " + error));
        return violations;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    private static Schema problemSchema(String document) {
        try {
            JsonNode doc = JSON.readTree(document);
            ObjectNode root = JSON.createObjectNode();
            root.put("$ref", "#/components/schemas/Problem");
            root.set("components", doc.path("components"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }
}
