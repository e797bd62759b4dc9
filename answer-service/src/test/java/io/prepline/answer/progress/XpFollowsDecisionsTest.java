package io.prepline.answer.progress;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class XpFollowsDecisionsTest {

    private static String user() {
        return "xp-" + UUID.randomUUID();
    }

    private static String autoApproved(String user) {
        Question q = activeQuestion();
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, 90, 0.9, "PASS", "1.0.0", 4));
        awaitStatus(id, "APPROVED");
        return id;
    }

    private static String needsReview(String user) {
        Question q = activeQuestion();
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2));
        awaitStatus(id, "NEEDS_REVIEW");
        return id;
    }

    private static int decide(String id, String decision) {
        return given().auth().oauth2(token("xp-rev-" + UUID.randomUUID(), "reviewer")).contentType(ContentType.JSON)
                .body("{\"decision\":\"" + decision + "\"}").when().post("/api/v1/reviews/" + id + "/decision")
                .then().extract().statusCode();
    }

    @Test
    void anOverturnedApprovalLosesItsXpAndTheStreakDay() {
        String user = user();
        String id = autoApproved(user);
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("xp", is(20)).body("streakDays", is(1))
                .body("xpHistory", hasSize(1))
                .body("xpHistory[0].day", is(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("xpHistory[0].xp", is(20))
                .body("xpHistory[0].answerId", is(id));
        assertEquals(200, decide(id, "REJECTED"));
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("xp", is(0)).body("streakDays", is(0)).body("xpHistory", hasSize(0))
                .body("solvedQuestions", is(0));
    }

    @Test
    void anotherApprovalOfTheSameDayKeepsTheDaysXp() {
        String user = user();
        String first = autoApproved(user);
        String second = autoApproved(user);
        assertEquals(200, decide(first, "REJECTED"));
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("xp", is(20)).body("streakDays", is(1))
                .body("xpHistory[0].answerId", is(second));
    }

    @Test
    void concurrentOverturnsAndApprovalsLeaveExactlyTheXpTheApprovalsEarn() throws Exception {
        for (int round = 0; round < 3; round++) {
            String user = user();
            String a = autoApproved(user);
            String b = autoApproved(user);
            String c = needsReview(user);
            // a and b are overturned while c is approved: c alone still earns the day
            List<String[]> calls = List.of(new String[] {a, "REJECTED"}, new String[] {b, "REJECTED"},
                    new String[] {c, "APPROVED"});
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(calls.size());
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (String[] call : calls) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return decide(call[0], call[1]);
                    }));
                }
                start.countDown();
                for (Future<Integer> result : results) {
                    assertEquals(200, result.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, count("SELECT count(*) FROM xp_award WHERE user_id = ?", user));
            assertEquals(1, count("SELECT count(*) FROM xp_award WHERE user_id = ? AND answer_id = ?::uuid", user, c));
            given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                    .then().statusCode(200).body("xp", is(20)).body("streakDays", is(1));
        }
    }

    @Test
    void aRescoreThatNoLongerApprovesWithdrawsTheXpOnceEvenWhenRedelivered() throws Exception {
        String user = user();
        Question q = activeQuestion();
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, 90, 0.9, "PASS", "1.0.0", 4));
        awaitStatus(id, "APPROVED");
        // a newer rubric's score sends it to a reviewer
        String lower = scored(id, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2, 2);
        publishScore(id, lower);
        awaitStatus(id, "NEEDS_REVIEW");
        publishScore(id, lower);
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("xp", is(0)).body("streakDays", is(0));
        assertEquals(200, decide(id, "APPROVED"));
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("xp", is(20)).body("streakDays", is(1));
        assertEquals(1, count("""
                SELECT count(*) FROM answer_status_history WHERE answer_id = ?::uuid AND status = 'NEEDS_REVIEW'""", id));
    }
}
