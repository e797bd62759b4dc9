package io.prepline.question;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndEveryParameterADescriptionAndExample() {
        Map<String, Object> doc = given().baseUri(TestHTTPResourceManager.getManagementUri()).accept("application/json").get("/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        for (String path : List.of("/api/v1/questions", "/api/v1/questions/facets", "/api/v1/questions/{slug}",
                "/api/v1/questions/{slug}/related", "/api/v1/questions/{slug}/sample-answer",
                "/api/v1/questions/{slug}/likes", "/api/v1/questions/{slug}/rubric", "/api/v1/questions/import",
                "/api/v1/companies", "/api/v1/roles", "/api/v1/categories", "/api/v1/topics", "/api/v1/tracks",
                "/api/v1/tracks/{slug}")) {
            assertNotNull(paths.get(path), "documented: " + path);
        }
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            operations.forEach((method, value) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> op = (Map<String, Object>) value;
                if (op.get("summary") == null) {
                    missing.add(method + " " + path + " summary");
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> params = (List<Map<String, Object>>) op.getOrDefault("parameters", List.of());
                for (Map<String, Object> p : params) {
                    if (p.get("description") == null || (p.get("example") == null && p.get("examples") == null)) {
                        missing.add(method + " " + path + " parameter " + p.get("name"));
                    }
                }
            });
        });
        assertTrue(missing.isEmpty(), "undocumented: " + missing);
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        assertFalse(schemas.isEmpty());
        assertNotNull(schemas.get("QuestionDocument"));
        assertNotNull(schemas.get("Problem"));
    }
}
