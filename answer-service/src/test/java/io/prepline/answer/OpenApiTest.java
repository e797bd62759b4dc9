package io.prepline.answer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @Test
    void everyOperationHasAnExampleResponseAndEveryRequestBodyAnExample() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().baseUri(TestHTTPResourceManager.getManagementUri()).queryParam("format", "json").when().get("/openapi")
                .then().statusCode(200).extract().asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                if (!hasExamples(op.path("responses"))) {
                    missing.add(name + " (responses)");
                }
                if (op.has("requestBody") && !hasExamples(op.path("requestBody"))) {
                    missing.add(name + " (request body)");
                }
            }
        }
        assertEquals(14, operations, "operations of answer-service");
        assertTrue(missing.isEmpty(), "operations without examples: " + missing);
    }

    /** Clients name their methods after the operationIds: renaming one breaks them like removing the operation. */
    @Test
    void operationIdsAreTheContract() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().baseUri(TestHTTPResourceManager.getManagementUri()).queryParam("format", "json").when().get("/openapi")
                .then().statusCode(200).extract().asString());
        Map<String, String> ids = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String operationId = op.getValue().path("operationId").asText(null);
                ids.put(op.getKey().toUpperCase() + " " + path.getKey(), operationId);
            }
        }
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("POST /api/v1/answers", "submitAnswer"),
                Map.entry("GET /api/v1/answers/{id}", "getAnswer"),
                Map.entry("GET /api/v1/answers/{id}/events", "followAnswerEvents"),
                Map.entry("GET /api/v1/me", "getMe"),
                Map.entry("GET /api/v1/me/progress", "getMyProgress"),
                Map.entry("GET /api/v1/me/answers", "listMyAnswers"),
                Map.entry("GET /api/v1/reviews", "listReviewQueue"),
                Map.entry("GET /api/v1/reviews/stats", "getReviewStats"),
                Map.entry("GET /api/v1/reviews/{answerId}", "getReview"),
                Map.entry("POST /api/v1/reviews/{answerId}/claim", "claimAnswer"),
                Map.entry("DELETE /api/v1/reviews/{answerId}/claim", "releaseClaim"),
                Map.entry("POST /api/v1/reviews/{answerId}/overrides", "overrideCriterionScore"),
                Map.entry("POST /api/v1/reviews/{answerId}/rescore", "rescoreAnswer"),
                Map.entry("POST /api/v1/reviews/{answerId}/decision", "decideAnswer"))), ids);
    }

    private static boolean hasExamples(JsonNode node) {
        if (node.has("examples") && !node.path("examples").isEmpty()) {
            return true;
        }
        if (node.has("example")) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && hasExamples(child)) {
                return true;
            }
        }
        return false;
    }
}
