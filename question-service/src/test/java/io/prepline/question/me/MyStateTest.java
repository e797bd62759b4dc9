package io.prepline.question.me;

import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.eventually;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.prepline.question.engagement.EngagementTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MyStateTest {

    @Test
    void aSignedInCallerSeesWhatTheyLikedAndSolvedOnPagesListsAndSearchesWhileAnonymousCopiesStayShared() {
        String company = "Markly" + UUID.randomUUID().toString().substring(0, 6);
        String liked = created(company, "Explain marked likes");
        String solved = created(company, "Explain marked solves");
        String user = "mia-" + UUID.randomUUID();
        String mia = candidate(user);
        String anonymousTag = given().get("/api/v1/questions/" + liked).then().statusCode(200)
                .header("Cache-Control", startsWith("public")).header("Vary", "Authorization")
                .body("$", not(hasKey("me"))).extract().header("ETag");

        given().auth().oauth2(mia).post("/api/v1/questions/" + liked + "/likes").then().statusCode(200);
        String id = given().get("/api/v1/questions/" + solved).jsonPath().getString("id");
        String answer = UUID.randomUUID().toString();
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            decided.sendFrom("/answer-service", answer, EngagementTest.decision(answer, user, id, "APPROVED"));
        }
        eventually(Duration.ofSeconds(90), () -> given().auth().oauth2(mia).get("/api/v1/questions/" + solved)
                .then().body("me.solved", is(true)).body("me.liked", is(false)));

        Response page = given().auth().oauth2(mia).get("/api/v1/questions/" + liked);
        page.then().statusCode(200).header("Cache-Control", "private, no-cache").header("Vary", "Authorization")
                .body("me.liked", is(true)).body("me.solved", is(false)).body("slug", is(liked))
                .body("counters.likes", is(1));
        String personalTag = page.header("ETag");
        assertNotEquals(anonymousTag, personalTag);
        given().auth().oauth2(mia).header("If-None-Match", personalTag).get("/api/v1/questions/" + liked).then()
                .statusCode(304);
        // the anonymous copy has no marks, and another user's marks are their own
        given().get("/api/v1/questions/" + liked).then().body("$", not(hasKey("me"))).body("counters.likes", is(1));
        given().auth().oauth2(candidate("noa-" + UUID.randomUUID())).get("/api/v1/questions/" + liked).then()
                .body("me.liked", is(false)).body("me.solved", is(false));

        for (Map<String, String> query : List.of(Map.of("company", company, "sort", "recent"),
                Map.of("q", "marked", "company", company))) {
            given().auth().oauth2(mia).queryParams(query).get("/api/v1/questions").then().statusCode(200)
                    .header("Cache-Control", "private, no-cache")
                    .body("items.find { it.slug == '" + liked + "' }.me.liked", is(true))
                    .body("items.find { it.slug == '" + liked + "' }.me.solved", is(false))
                    .body("items.find { it.slug == '" + solved + "' }.me.liked", is(false))
                    .body("items.find { it.slug == '" + solved + "' }.me.solved", is(true));
            given().queryParams(query).get("/api/v1/questions").then().statusCode(200)
                    .header("Cache-Control", startsWith("public")).body("items[0]", not(hasKey("me")));
        }

        // a withdrawn like shows at once on this instance, in the page and the lists
        given().auth().oauth2(mia).delete("/api/v1/questions/" + liked + "/likes").then().statusCode(200);
        given().auth().oauth2(mia).get("/api/v1/questions/" + liked).then().body("me.liked", is(false));
        given().auth().oauth2(mia).queryParam("company", company).get("/api/v1/questions").then()
                .body("items.find { it.slug == '" + liked + "' }.me.liked", is(false));
    }

    @Test
    void aPageReadWithMarksCanBeWrittenBackAsIs() {
        String slug = created("Markly", "Explain written back");
        Response read = given().auth().oauth2(author()).get("/api/v1/questions/" + slug);
        read.then().body("me.liked", is(false));
        Map<String, Object> page = read.jsonPath().getMap("");
        page.put("title", "Explain written back again");
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(page).put("/api/v1/questions/" + slug).then().statusCode(200)
                .body("title", is("Explain written back again"));
    }

    @Test
    void myLikesPageMostRecentFirstWithACursor() {
        String user = candidate("lia-" + UUID.randomUUID());
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String slug = created("Likeable", "Explain liked " + i);
            given().auth().oauth2(user).post("/api/v1/questions/" + slug + "/likes").then().statusCode(200);
            slugs.add(slug);
        }
        String next = given().auth().oauth2(user).queryParam("limit", 2).get("/api/v1/me/likes").then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("items.question.slug", contains(slugs.get(2), slugs.get(1))).extract().path("nextCursor");
        given().auth().oauth2(user).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/me/likes").then()
                .statusCode(200).body("items.question.slug", contains(slugs.get(0))).body("nextCursor", nullValue())
                .body("items[0].likedAt", startsWith("20"));
        given().auth().oauth2(candidate("nobody-" + UUID.randomUUID())).get("/api/v1/me/likes").then().statusCode(200)
                .body("items.size()", is(0));
        given().get("/api/v1/me/likes").then().statusCode(401);
        given().auth().oauth2(user).queryParam("cursor", "bm8tY3Vyc29y").get("/api/v1/me/likes").then().statusCode(400)
                .body("errors[0].field", is("cursor"));
        given().auth().oauth2(user).queryParam("limit", 101).get("/api/v1/me/likes").then().statusCode(400)
                .body("errors[0].field", is("limit"));
    }

    static String created(String company, String title) {
        String slug = uniqueSlug("marked");
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(question(slug, title, company, "Marks"))
                .post("/api/v1/questions").then().statusCode(201);
        return slug;
    }
}
