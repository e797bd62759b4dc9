package io.prepline.question;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
                "/api/v1/tracks/{slug}", "/api/v1/partners", "/api/v1/partners/{id}", "/api/v1/partners/{id}/keys",
                "/api/v1/partners/{id}/keys/{keyId}/rotate", "/api/v1/partners/{id}/keys/{keyId}",
                "/api/v1/partners/{id}/usage", "/embed/v1/questions/{slug}", "/embed/v1/embed.js", "/oembed",
                "/api/v1/questions/{slug}/rubric/versions", "/api/v1/questions/{slug}/rubric/versions/{from}/diff/{to}",
                "/api/v1/tracks/{slug}/progress", "/api/v1/me/tracks", "/api/v1/drafts", "/api/v1/drafts/{id}",
                "/api/v1/drafts/{id}/preview", "/api/v1/drafts/{id}/publish",
                "/api/v1/questions/{slug}/comments", "/api/v1/comments/{id}", "/api/v1/comments/{id}/replies",
                "/api/v1/comments/{id}/upvote", "/api/v1/comments/{id}/hide", "/api/v1/comments/{id}/restore",
                "/api/v1/me/likes")) {
            assertNotNull(paths.get(path), "documented: " + path);
        }
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/") && !path.startsWith("/embed/") && !path.equals("/oembed")) {
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

    @Test
    void theSecuritySchemesAndEveryPartnerOperationAreDocumentedWithExamples() {
        io.restassured.path.json.JsonPath doc = given().baseUri(TestHTTPResourceManager.getManagementUri()).accept("application/json").get("/openapi").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("http", doc.getString("components.securitySchemes.SecurityScheme.type"));
        assertEquals("bearer", doc.getString("components.securitySchemes.SecurityScheme.scheme"));
        assertEquals("apiKey", doc.getString("components.securitySchemes.SecretKey.type"));
        assertEquals("header", doc.getString("components.securitySchemes.SecretKey.in"));
        assertEquals("X-Api-Key", doc.getString("components.securitySchemes.SecretKey.name"));
        assertEquals("query", doc.getString("components.securitySchemes.PublishableKey.in"));
        assertEquals("key", doc.getString("components.securitySchemes.PublishableKey.name"));
        Map<String, String> operations = Map.of(
                "createPartner", "paths.'/api/v1/partners'.post",
                "issuePartnerKey", "paths.'/api/v1/partners/{id}/keys'.post",
                "rotatePartnerKey", "paths.'/api/v1/partners/{id}/keys/{keyId}/rotate'.post",
                "revokePartnerKey", "paths.'/api/v1/partners/{id}/keys/{keyId}'.delete",
                "getPartnerUsage", "paths.'/api/v1/partners/{id}/usage'.get",
                "getEmbeddedQuestion", "paths.'/embed/v1/questions/{slug}'.get",
                "getOembed", "paths.'/oembed'.get");
        operations.forEach((id, path) -> {
            assertEquals(id, doc.getString(path + ".operationId"), path);
            String success = doc.getMap(path + ".responses").keySet().stream().map(String::valueOf)
                    .filter(code -> code.startsWith("2")).findFirst().orElseThrow();
            if (!id.equals("revokePartnerKey") && !id.equals("getEmbeddedQuestion")) {
                assertNotNull(doc.get(path + ".responses.'" + success + "'.content.'application/json'.examples"),
                        id + " has a response example");
            }
        });
        assertNotNull(doc.get("paths.'/api/v1/partners'.post.requestBody.content.'application/json'.examples"));
        assertTrue(doc.getList("paths.'/api/v1/partners/{id}/usage'.get.security").toString().contains("SecretKey"),
                "usage names the secret key scheme");
    }

    @Test
    void everyTrackRubricHistoryAndDraftOperationHasExamples() {
        io.restassured.path.json.JsonPath doc = given().baseUri(TestHTTPResourceManager.getManagementUri())
                .accept("application/json").get("/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> withBodies = Map.of(
                "createTrack", "paths.'/api/v1/tracks'.post",
                "replaceTrack", "paths.'/api/v1/tracks/{slug}'.put",
                "updateRubric", "paths.'/api/v1/questions/{slug}/rubric'.put",
                "createDraft", "paths.'/api/v1/drafts'.post",
                "replaceDraft", "paths.'/api/v1/drafts/{id}'.put");
        withBodies.forEach((id, path) -> {
            assertEquals(id, doc.getString(path + ".operationId"));
            assertNotNull(doc.get(path + ".requestBody.content.'application/json'.examples"), id + " has a request example");
        });
        Map<String, String> withResults = new java.util.HashMap<>(withBodies);
        withResults.putAll(Map.of(
                "listTracks", "paths.'/api/v1/tracks'.get",
                "getTrack", "paths.'/api/v1/tracks/{slug}'.get",
                "getTrackProgress", "paths.'/api/v1/tracks/{slug}/progress'.get",
                "listMyTrackProgress", "paths.'/api/v1/me/tracks'.get",
                "listRubricVersions", "paths.'/api/v1/questions/{slug}/rubric/versions'.get",
                "diffRubricVersions", "paths.'/api/v1/questions/{slug}/rubric/versions/{from}/diff/{to}'.get",
                "listDrafts", "paths.'/api/v1/drafts'.get",
                "getDraft", "paths.'/api/v1/drafts/{id}'.get",
                "previewDraft", "paths.'/api/v1/drafts/{id}/preview'.get",
                "publishDraft", "paths.'/api/v1/drafts/{id}/publish'.post"));
        withResults.forEach((id, path) -> {
            String success = doc.getMap(path + ".responses").keySet().stream().map(String::valueOf)
                    .filter(code -> code.startsWith("2")).findFirst().orElseThrow();
            assertNotNull(doc.get(path + ".responses.'" + success + "'.content.'application/json'.examples"),
                    id + " has a response example");
        });
        assertEquals("If-Match", doc.getString("paths.'/api/v1/questions/{slug}/rubric'.put.parameters.find { it.in == 'header' }.name"));
    }

    /** Clients name their methods after the operationIds: renaming one breaks them like removing the operation. */
    @Test
    void operationIdsAreTheContract() {
        Map<String, Map<String, Map<String, Object>>> paths = given().baseUri(TestHTTPResourceManager.getManagementUri())
                .accept("application/json").get("/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, Object> ids = new TreeMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) ->
                ids.put(method.toUpperCase() + " " + path, op.get("operationId"))));
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("GET /api/v1/questions", "listQuestions"),
                Map.entry("POST /api/v1/questions", "createQuestion"),
                Map.entry("GET /api/v1/questions/facets", "getQuestionFacets"),
                Map.entry("GET /api/v1/questions/suggest", "suggestQuestions"),
                Map.entry("POST /api/v1/questions/import", "importQuestions"),
                Map.entry("GET /api/v1/questions/{slug}", "getQuestion"),
                Map.entry("PUT /api/v1/questions/{slug}", "replaceQuestion"),
                Map.entry("DELETE /api/v1/questions/{slug}", "retireQuestion"),
                Map.entry("GET /api/v1/questions/{slug}/related", "listRelatedQuestions"),
                Map.entry("GET /api/v1/questions/{slug}/sample-answer", "getSampleAnswer"),
                Map.entry("POST /api/v1/questions/{slug}/likes", "likeQuestion"),
                Map.entry("DELETE /api/v1/questions/{slug}/likes", "unlikeQuestion"),
                Map.entry("GET /api/v1/questions/{slug}/rubric", "getRubric"),
                Map.entry("PUT /api/v1/questions/{slug}/rubric", "updateRubric"),
                Map.entry("GET /api/v1/companies", "listCompanies"),
                Map.entry("GET /api/v1/roles", "listRoles"),
                Map.entry("GET /api/v1/categories", "listCategories"),
                Map.entry("GET /api/v1/topics", "listTopics"),
                Map.entry("GET /api/v1/tracks", "listTracks"),
                Map.entry("GET /api/v1/tracks/{slug}", "getTrack"),
                Map.entry("POST /api/v1/tracks", "createTrack"),
                Map.entry("PUT /api/v1/tracks/{slug}", "replaceTrack"),
                Map.entry("DELETE /api/v1/tracks/{slug}", "retireTrack"),
                Map.entry("GET /api/v1/tracks/{slug}/progress", "getTrackProgress"),
                Map.entry("GET /api/v1/me/tracks", "listMyTrackProgress"),
                Map.entry("GET /api/v1/questions/{slug}/rubric/versions", "listRubricVersions"),
                Map.entry("GET /api/v1/questions/{slug}/rubric/versions/{from}/diff/{to}", "diffRubricVersions"),
                Map.entry("POST /api/v1/drafts", "createDraft"),
                Map.entry("GET /api/v1/drafts", "listDrafts"),
                Map.entry("GET /api/v1/drafts/{id}", "getDraft"),
                Map.entry("PUT /api/v1/drafts/{id}", "replaceDraft"),
                Map.entry("DELETE /api/v1/drafts/{id}", "discardDraft"),
                Map.entry("GET /api/v1/drafts/{id}/preview", "previewDraft"),
                Map.entry("POST /api/v1/drafts/{id}/publish", "publishDraft"),
                Map.entry("POST /api/v1/partners", "createPartner"),
                Map.entry("GET /api/v1/partners/{id}", "getPartner"),
                Map.entry("PUT /api/v1/partners/{id}", "updatePartner"),
                Map.entry("GET /api/v1/partners/{id}/keys", "listPartnerKeys"),
                Map.entry("POST /api/v1/partners/{id}/keys", "issuePartnerKey"),
                Map.entry("POST /api/v1/partners/{id}/keys/{keyId}/rotate", "rotatePartnerKey"),
                Map.entry("DELETE /api/v1/partners/{id}/keys/{keyId}", "revokePartnerKey"),
                Map.entry("GET /api/v1/partners/{id}/usage", "getPartnerUsage"),
                Map.entry("GET /embed/v1/questions/{slug}", "getEmbeddedQuestion"),
                Map.entry("GET /embed/v1/embed.js", "getEmbedScript"),
                Map.entry("GET /oembed", "getOembed"),
                Map.entry("GET /api/v1/questions/{slug}/comments", "listComments"),
                Map.entry("POST /api/v1/questions/{slug}/comments", "postComment"),
                Map.entry("GET /api/v1/comments/{id}", "getComment"),
                Map.entry("PUT /api/v1/comments/{id}", "editComment"),
                Map.entry("DELETE /api/v1/comments/{id}", "deleteComment"),
                Map.entry("GET /api/v1/comments/{id}/replies", "listCommentReplies"),
                Map.entry("POST /api/v1/comments/{id}/replies", "replyToComment"),
                Map.entry("POST /api/v1/comments/{id}/upvote", "upvoteComment"),
                Map.entry("DELETE /api/v1/comments/{id}/upvote", "withdrawCommentUpvote"),
                Map.entry("POST /api/v1/comments/{id}/hide", "hideComment"),
                Map.entry("POST /api/v1/comments/{id}/restore", "restoreComment"),
                Map.entry("GET /api/v1/me/likes", "listMyLikes"))), ids);
    }

    /** Every operation of the discussion and of the caller's own state shows an example of what it answers and reads. */
    @Test
    void theDiscussionAndOwnStateOperationsHaveExamples() {
        io.restassured.path.json.JsonPath doc = given().baseUri(TestHTTPResourceManager.getManagementUri())
                .accept("application/json").get("/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> operations = Map.ofEntries(
                Map.entry("listComments", "paths.'/api/v1/questions/{slug}/comments'.get"),
                Map.entry("postComment", "paths.'/api/v1/questions/{slug}/comments'.post"),
                Map.entry("getComment", "paths.'/api/v1/comments/{id}'.get"),
                Map.entry("editComment", "paths.'/api/v1/comments/{id}'.put"),
                Map.entry("listCommentReplies", "paths.'/api/v1/comments/{id}/replies'.get"),
                Map.entry("replyToComment", "paths.'/api/v1/comments/{id}/replies'.post"),
                Map.entry("upvoteComment", "paths.'/api/v1/comments/{id}/upvote'.post"),
                Map.entry("withdrawCommentUpvote", "paths.'/api/v1/comments/{id}/upvote'.delete"),
                Map.entry("hideComment", "paths.'/api/v1/comments/{id}/hide'.post"),
                Map.entry("restoreComment", "paths.'/api/v1/comments/{id}/restore'.post"),
                Map.entry("listMyLikes", "paths.'/api/v1/me/likes'.get"));
        operations.forEach((id, path) -> {
            assertEquals(id, doc.getString(path + ".operationId"), path);
            String success = doc.getMap(path + ".responses").keySet().stream().map(String::valueOf)
                    .filter(code -> code.startsWith("2")).findFirst().orElseThrow();
            assertNotNull(doc.get(path + ".responses.'" + success + "'.content.'application/json'.examples"),
                    id + " has a response example");
            if (doc.get(path + ".requestBody") != null) {
                assertNotNull(doc.get(path + ".requestBody.content.'application/json'.examples"), id + " has a request example");
            }
        });
        assertNotNull(doc.get("paths.'/api/v1/questions/{slug}/comments'.post.responses.'400'.content."
                + "'application/problem+json'.examples"), "postComment shows a refused comment");
        assertEquals("#/components/schemas/Marked", doc.getString("components.schemas.MarkedQuestion.allOf[1].$ref"));
    }
}
