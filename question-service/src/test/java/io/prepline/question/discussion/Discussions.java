package io.prepline.question.discussion;

import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Questions to discuss and requests of the discussion, shared by its tests. */
final class Discussions {

    private Discussions() {
    }

    /** A new question with two parts, to discuss; its slug. */
    static String discussed() {
        String slug = uniqueSlug("discussed");
        Map<String, Object> q = question(slug, "Explain discussion", "Discoursely", "Discussion");
        q.put("parts", List.of(Map.of("number", 1, "title", "First part", "prompt", "Explain the first part."),
                Map.of("number", 2, "title", "Second part", "prompt", "Explain the second part.")));
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(q).post("/api/v1/questions")
                .then().statusCode(201);
        return slug;
    }

    static Response post(String token, String slug, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/questions/" + slug + "/comments");
    }

    /** Posts a comment that must be accepted; its id. */
    static String comment(String token, String slug, String text) {
        return post(token, slug, Map.of("body", text)).then().statusCode(201).extract().path("id");
    }

    static String reply(String token, String id, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("body", text))
                .post("/api/v1/comments/" + id + "/replies").then().statusCode(201).extract().path("id");
    }

    static int counted(String slug) {
        return given().get("/api/v1/questions/" + slug).then().statusCode(200).extract().path("counters.comments");
    }
}
