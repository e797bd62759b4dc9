package io.prepline.answer.progress;

import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.connection;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submit;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgressTest {

    private static String user() {
        return "prog-" + UUID.randomUUID();
    }

    @Test
    void firstApprovedAnswerOfTheDayEarns20XpOnlyOnce() {
        String user = user();
        Question a = activeQuestion();
        Question b = activeQuestion();
        String first = submitted(user, a);
        String second = submitted(user, b);
        publishScore(first, scored(first, a, 1, 90, 0.9, "PASS", "1.0.0", 4));
        publishScore(second, scored(second, b, 1, 80, 0.9, "PASS", "1.0.0", 3));
        awaitStatus(first, "APPROVED");
        awaitStatus(second, "APPROVED");
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200)
                .body("userId", is(user))
                .body("xp", is(20))
                .body("streakDays", is(1))
                .body("solvedQuestions", is(2))
                .body("solved.questionSlug", containsInAnyOrder(a.slug(), b.slug()))
                .body("strengths.find { it.criterion == 'DEFINITIONS' }.averageScore", is(3.5f))
                .body("strengths.find { it.criterion == 'TRADE_OFFS' }.averageScore", is(1.0f));
    }

    @Test
    void concurrentApprovalsOnOneDayEarnXpExactlyOnce() throws Exception {
        String user = user();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Question own = activeQuestion();
            String id = submitted(user, own);
            publishScore(id, scored(id, own, 1, 60, 0.9, "BORDERLINE", "1.0.0", 2));
            ids.add(id);
        }
        for (String id : ids) {
            awaitStatus(id, "NEEDS_REVIEW");
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (String id : ids) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token("rev-" + id, "reviewer")).contentType(ContentType.JSON)
                            .body("{\"decision\":\"APPROVED\"}").when().post("/api/v1/reviews/" + id + "/decision")
                            .then().extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> call : calls) {
                assertEquals(200, call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT count(*) FROM xp_award WHERE user_id = ?", user));
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("xp", is(20)).body("solvedQuestions", is(6));
    }

    @Test
    void streakCountsConsecutiveDaysWithAnApproval() throws Exception {
        String user = user();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // earlier days cannot be replayed through the API: their awards are written as the service would have
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO xp_award (user_id, day, answer_id, xp) VALUES (?, ?, ?, 20)")) {
            for (int back : new int[] {1, 2, 4}) {
                ps.setString(1, user);
                ps.setObject(2, today.minusDays(back));
                ps.setObject(3, UUID.randomUUID());
                ps.executeUpdate();
            }
        }
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("streakDays", is(2)).body("xp", is(60));
        Question q = activeQuestion();
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, 90, 0.9, "PASS", "1.0.0", 4));
        awaitStatus(id, "APPROVED");
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("streakDays", is(3)).body("xp", is(80));
    }

    @Test
    void myAnswersListsTheLatestRevisionWithStatusAndScoreAndOnlyMine() {
        String user = user();
        Question q = activeQuestion();
        submit(token(user, "candidate"), q.slug(), null, "First").then().statusCode(202);
        String latest = submit(token(user, "candidate"), q.slug(), null, "Second").then().statusCode(202)
                .extract().path("id");
        publishScore(latest, scored(latest, q, 2, 30, 0.9, "FAIL", "1.0.0", 1));
        awaitStatus(latest, "REJECTED");
        submitted(user(), q);
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/answers")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items.answerId", contains(latest))
                .body("items[0].revision", is(2))
                .body("items[0].status", is("REJECTED"))
                .body("items[0].overall", is(30));
        given().when().get("/api/v1/me/answers").then().statusCode(401);
        given().when().get("/api/v1/me/progress").then().statusCode(401);
    }
}
