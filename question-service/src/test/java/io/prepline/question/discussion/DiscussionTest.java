package io.prepline.question.discussion;

import static io.prepline.question.Fixtures.admin;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.discussion.Discussions.comment;
import static io.prepline.question.discussion.Discussions.counted;
import static io.prepline.question.discussion.Discussions.post;
import static io.prepline.question.discussion.Discussions.reply;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.prepline.platform.ratelimit.RateLimits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscussionTest {

    @Inject
    DataSource dataSource;
    @Inject
    RateLimits limits;

    @Test
    void commentsAndRepliesAreCountedOnTheCachedPageAndDeletionKeepsTheThreadsShape() {
        String slug = Discussions.discussed();
        assertEquals(0, counted(slug)); // read once: the page is cached from here on
        String ann = candidate("ann-" + UUID.randomUUID());
        String ben = candidate("ben-" + UUID.randomUUID());
        String first = comment(ann, slug, "Prune **per layer**.");
        assertEquals(1, counted(slug));
        String answer = reply(ben, first, "And fine-tune after each step.");
        String answerToAnswer = reply(ann, answer, "Right, one level deep.");
        assertEquals(3, counted(slug));

        given().get("/api/v1/comments/" + answerToAnswer).then().statusCode(200)
                .body("parentId", is(first)).body("question", is(slug)).body("html", is("<p>Right, one level deep.</p>\n"));
        given().delete("/api/v1/comments/" + first).then().statusCode(401);
        given().auth().oauth2(ben).delete("/api/v1/comments/" + first).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(ann).delete("/api/v1/comments/" + first).then().statusCode(204);
        given().auth().oauth2(ann).delete("/api/v1/comments/" + first).then().statusCode(204); // again: nothing changes
        assertEquals(2, counted(slug));

        given().get("/api/v1/questions/" + slug + "/comments").then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("total", is(2)).body("items", hasSize(1))
                .body("items[0].status", is("DELETED")).body("items[0].body", nullValue())
                .body("items[0].html", nullValue()).body("items[0].upvoted", nullValue())
                .body("items[0].replyCount", is(2))
                .body("items[0].replies.id", contains(answer, answerToAnswer))
                .body("items[0].replies.status", contains("VISIBLE", "VISIBLE"));
        given().auth().oauth2(ben).contentType(ContentType.JSON).body(Map.of("body", "Too late"))
                .post("/api/v1/comments/" + first + "/replies").then().statusCode(409)
                .body("type", is("https://prepline.io/problems/comment-unavailable"));
    }

    @Test
    void newestAndTopOrderingsPageWithCursorsBoundToTheirDiscussion() {
        String slug = Discussions.discussed();
        List<String> ids = new ArrayList<>();
        String writer = candidate("writer-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            ids.add(comment(writer, slug, "Comment " + i));
        }
        // comment 2 gets three upvotes, comment 4 one
        for (int v = 0; v < 3; v++) {
            String voter = candidate("voter-" + UUID.randomUUID());
            given().auth().oauth2(voter).post("/api/v1/comments/" + ids.get(2) + "/upvote").then().statusCode(200);
            if (v == 0) {
                given().auth().oauth2(voter).post("/api/v1/comments/" + ids.get(4) + "/upvote").then().statusCode(200);
            }
        }
        String base = "/api/v1/questions/" + slug + "/comments";
        String next = given().queryParam("limit", 2).get(base).then().statusCode(200)
                .body("items.id", contains(ids.get(4), ids.get(3))).extract().path("nextCursor");
        next = given().queryParam("limit", 2).queryParam("cursor", next).get(base).then().statusCode(200)
                .body("items.id", contains(ids.get(2), ids.get(1))).extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", next).get(base).then().statusCode(200)
                .body("items.id", contains(ids.get(0))).body("nextCursor", nullValue());

        String top = given().queryParam("limit", 2).queryParam("sort", "top").get(base).then().statusCode(200)
                .body("items.id", contains(ids.get(2), ids.get(4))).body("items.upvotes", contains(3, 1))
                .extract().path("nextCursor");
        given().queryParam("limit", 3).queryParam("sort", "top").queryParam("cursor", top).get(base).then()
                .statusCode(200).body("items.upvotes", contains(0, 0, 0)).body("nextCursor", nullValue());

        // a cursor belongs to its order and its discussion
        given().queryParam("sort", "newest").queryParam("cursor", top).get(base).then().statusCode(400)
                .body("errors[0].field", is("cursor"));
        given().queryParam("sort", "top").queryParam("part", 1).queryParam("cursor", top).get(base).then()
                .statusCode(400).body("errors[0].field", is("cursor"));
        given().queryParam("sort", "top").queryParam("cursor", top)
                .get("/api/v1/questions/" + Discussions.discussed() + "/comments").then().statusCode(400)
                .body("errors[0].field", is("cursor"));
    }

    @Test
    void anUpvoteCountsOncePerUserAndNeverOnOnesOwnComment() {
        String slug = Discussions.discussed();
        String writer = candidate("writer-" + UUID.randomUUID());
        String voter = candidate("voter-" + UUID.randomUUID());
        String id = comment(writer, slug, "Upvote me");
        String path = "/api/v1/comments/" + id + "/upvote";
        given().auth().oauth2(voter).post(path).then().statusCode(200).body("upvoted", is(true)).body("upvotes", is(1));
        given().auth().oauth2(voter).post(path).then().statusCode(200).body("upvotes", is(1));
        given().auth().oauth2(writer).post(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(voter).get("/api/v1/comments/" + id).then().body("upvoted", is(true));
        given().auth().oauth2(writer).get("/api/v1/comments/" + id).then().body("upvoted", is(false));
        given().auth().oauth2(voter).delete(path).then().statusCode(200).body("upvoted", is(false)).body("upvotes", is(0));
        given().auth().oauth2(voter).delete(path).then().statusCode(200).body("upvotes", is(0));
        given().post(path).then().statusCode(401);
    }

    @Test
    void onlyTheWriterEditsAndOnlyWithinTheEditWindow() throws SQLException {
        String slug = Discussions.discussed();
        String writer = candidate("writer-" + UUID.randomUUID());
        String id = comment(writer, slug, "First thought");
        given().auth().oauth2(writer).get("/api/v1/comments/" + id).then().body("editableUntil", notNullValue());
        given().auth().oauth2(candidate("other-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("body", "Mine now")).put("/api/v1/comments/" + id).then().statusCode(403);
        given().auth().oauth2(writer).contentType(ContentType.JSON).body(Map.of("body", "Second *thought*"))
                .put("/api/v1/comments/" + id).then().statusCode(200).body("body", is("Second *thought*"))
                .body("html", is("<p>Second <em>thought</em></p>\n")).body("editedAt", notNullValue());

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE comment SET created_at = now() - interval '16 minutes' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
        given().auth().oauth2(writer).contentType(ContentType.JSON).body(Map.of("body", "Third thought"))
                .put("/api/v1/comments/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/edit-window-closed"));
        given().auth().oauth2(writer).get("/api/v1/comments/" + id).then().body("editableUntil", nullValue())
                .body("body", is("Second *thought*"));
        given().auth().oauth2(writer).delete("/api/v1/comments/" + id).then().statusCode(204); // deleting has no window
    }

    @Test
    void authorsAndAdminsHideAndRestoreWithAReasonShownToModeratorsAndTheWriter() {
        String slug = Discussions.discussed();
        String writerId = "writer-" + UUID.randomUUID();
        String writer = candidate(writerId);
        String id = comment(writer, slug, "Buy the answer key at https://example.net");
        assertEquals(1, counted(slug));
        String hide = "/api/v1/comments/" + id + "/hide";
        given().auth().oauth2(writer).contentType(ContentType.JSON).body(Map.of("reason", "mine"))
                .post(hide).then().statusCode(403);
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post(hide).then().statusCode(400).body("errors[0].field", is("reason"));
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(Map.of("reason", "a\nb"))
                .post(hide).then().statusCode(400).body("errors[0].field", is("reason"));
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(Map.of("reason", "Spam"))
                .post(hide).then().statusCode(200).body("status", is("HIDDEN"))
                .body("body", is("Buy the answer key at https://example.net"))
                .body("moderation.status", is("HIDDEN")).body("moderation.reason", is("Spam"))
                .body("moderation.by", is("ada"));
        assertEquals(0, counted(slug));

        given().get("/api/v1/comments/" + id).then().body("status", is("HIDDEN")).body("body", nullValue())
                .body("html", nullValue()).body("moderation", nullValue());
        given().auth().oauth2(writer).get("/api/v1/comments/" + id).then().body("body", nullValue())
                .body("moderation.reason", is("Spam")).body("editableUntil", nullValue());
        given().auth().oauth2(writer).contentType(ContentType.JSON).body(Map.of("body", "Edited"))
                .put("/api/v1/comments/" + id).then().statusCode(409)
                .body("type", is("https://prepline.io/problems/comment-unavailable"));
        given().auth().oauth2(candidate("voter-" + UUID.randomUUID())).post("/api/v1/comments/" + id + "/upvote")
                .then().statusCode(409);

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("reason", "Not spam after all"))
                .post("/api/v1/comments/" + id + "/restore").then().statusCode(200).body("status", is("VISIBLE"))
                .body("moderation.status", is("VISIBLE")).body("moderation.by", is("root"));
        assertEquals(1, counted(slug));
        given().get("/api/v1/comments/" + id).then().body("status", is("VISIBLE"))
                .body("body", is("Buy the answer key at https://example.net")).body("author", is(writerId));
    }

    @Test
    void eachPartHasItsOwnDiscussionAndTheQuestionCountsThemAll() {
        String slug = Discussions.discussed();
        String writer = candidate("writer-" + UUID.randomUUID());
        String onPart = post(writer, slug, Map.of("body", "On the second part", "part", 2)).then().statusCode(201)
                .body("part", is(2)).extract().path("id");
        String whole = comment(writer, slug, "On the whole question");
        String base = "/api/v1/questions/" + slug + "/comments";
        given().queryParam("part", 2).get(base).then().body("items.id", contains(onPart)).body("items[0].part", is(2));
        given().get(base).then().body("items.id", contains(whole)).body("total", is(2));
        given().queryParam("part", 1).get(base).then().body("items", hasSize(0));
        given().queryParam("part", 3).get(base).then().statusCode(400).body("errors[0].field", is("part"));
        post(writer, slug, Map.of("body", "On no part", "part", 0)).then().statusCode(400)
                .body("errors.field", contains("part"));
        String reply = reply(writer, onPart, "A reply stays on its part");
        given().get("/api/v1/comments/" + reply).then().body("part", is(2));
        given().get("/api/v1/comments/" + onPart + "/replies").then().body("items.id", contains(reply));
        assertEquals(3, counted(slug));
    }

    @Test
    void concurrentCommentsAndModerationLeaveTheCounterEqualToTheVisibleComments() throws Exception {
        String slug = Discussions.discussed();
        assertEquals(0, counted(slug));
        List<Callable<String>> posts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String token = candidate("crowd-" + UUID.randomUUID());
            posts.add(() -> comment(token, slug, "Concurrent comment"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> ids = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(posts)) {
                ids.add(f.get());
            }
            assertEquals(16, counted(slug));
            // the same four comments hidden by two moderators at once and hidden again: each leaves the count once
            List<Callable<Integer>> hides = new ArrayList<>();
            for (String moderator : List.of(author(), admin())) {
                for (String id : ids.subList(0, 4)) {
                    hides.add(() -> given().auth().oauth2(moderator).contentType(ContentType.JSON)
                            .body(Map.of("reason", "Duplicate")).post("/api/v1/comments/" + id + "/hide").statusCode());
                }
            }
            for (Future<Integer> f : pool.invokeAll(hides)) {
                assertEquals(200, f.get().intValue());
            }
            assertEquals(12, counted(slug));
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("limit", 100).get("/api/v1/questions/" + slug + "/comments").then().body("total", is(12))
                .body("items.findAll { it.status == 'VISIBLE' }.size()", is(12));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT q.comments_count, (SELECT count(*) FROM comment m WHERE m.question_id = q.id "
                        + "AND m.deleted_at IS NULL AND m.hidden_at IS NULL) FROM question q WHERE q.slug = ?")) {
            s.setString(1, slug);
            var rs = s.executeQuery();
            rs.next();
            assertEquals(rs.getLong(2), rs.getLong(1));
        }
    }

    @Test
    void aUserOverTheCommentLimitGets429AndOthersStillComment() {
        String slug = Discussions.discussed();
        String user = "chatty-" + UUID.randomUUID();
        while (limits.take("comments", user).allowed()) {
            // spend this user's budget with the limiter the resource uses
        }
        post(candidate(user), slug, Map.of("body", "One more")).then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/too-many-requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).header("RateLimit-Limit", "10");
        comment(candidate("quiet-" + UUID.randomUUID()), slug, "Still possible");
    }
}
