package io.prepline.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.of(SampleDocument.json());
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> PROBLEM = Map.of("Content-Type",
            List.of("application/problem+json"));
    private static final String A_PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}";

    @Test
    void documentedResponsesPass() {
        assertEquals(List.of(), CONTRACT.violations("GET", "/api/v1/things/a", 200, JSON,
                "{\"slug\":\"a\",\"note\":null}"));
        assertEquals(List.of(), CONTRACT.violations("GET", "/api/v1/things/a", 404, PROBLEM, A_PROBLEM));
    }

    @Test
    void undocumentedStatusTypeOrContentTypeIsAViolation() {
        assertOne("status.unknown", CONTRACT.violations("GET", "/api/v1/things/a", 409, PROBLEM, A_PROBLEM));
        // a property the schema does not name is allowed, as OpenAPI allows it (see OpenApiContract)
        assertEquals(List.of(), CONTRACT.violations("GET", "/api/v1/things/a", 200, JSON,
                "{\"slug\":\"a\",\"extra\":1}"));
        assertOne("schema.type", CONTRACT.violations("GET", "/api/v1/things/a", 200, JSON, "{\"slug\":1}"));
        assertOne("contentType", CONTRACT.violations("GET", "/api/v1/things/a", 404,
                Map.of("Content-Type", List.of("text/html")), "<h1>Not Found</h1>"));
    }

    @Test
    void aRequestToNoOperationMustBeAnsweredWithAProblem() {
        assertEquals(List.of(), CONTRACT.violations("GET", "/api/v1/nothing", 404, PROBLEM, A_PROBLEM));
        assertEquals(List.of(), CONTRACT.violations("DELETE", "/api/v1/things/a", 405, PROBLEM,
                A_PROBLEM.replace("404", "405")));
        assertTrue(CONTRACT.violations("GET", "/api/v1/nothing", 200, JSON, "{}").size() >= 1);
        assertOne("Problem schema", CONTRACT.violations("GET", "/api/v1/nothing", 404, PROBLEM,
                A_PROBLEM.replace("\"Not Found\"", "1")));
    }

    @Test
    void aServerErrorOrAStackTraceIsAViolationEvenWhenOtherwiseDocumented() {
        assertTrue(String.join(" ", CONTRACT.violations("GET", "/api/v1/things/a", 500, PROBLEM, A_PROBLEM))
                .contains("500"));
        assertOne("stack trace", CONTRACT.violations("GET", "/api/v1/things/a", 404, PROBLEM,
                A_PROBLEM.replace("}", ",\"detail\":\"java.lang.NullPointerException\\n\\tat x.Y.z(Y.java:12)\"}")));
    }

    private static void assertOne(String part, List<String> violations) {
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains(part), violations.toString());
    }
}
