package io.prepline.answer;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.awaitTrue;
import static io.prepline.answer.Fixtures.metric;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The business metrics on /q/metrics follow answers through the outbox, scoring, the rules and the reviewers. */
@QuarkusTest
class BusinessMetricsTest {

    /** prepline.outbox.lock-key: while a test holds it, the relay leaves the outbox alone. */
    private static final long RELAY_LOCK = 7301001;

    @Test
    void anAnswerWaitingInTheOutboxShowsInTheBacklogAndItsAge() throws Exception {
        Question q = activeQuestion();
        try (Connection relayLock = Fixtures.connection(); Statement s = relayLock.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
            try {
                submitted("backlog-" + UUID.randomUUID(), q);
                Thread.sleep(1100);
                // a gauge is read again once its reading is older than prepline.metrics.max-age (1 s in tests)
                awaitTrue(() -> metric("prepline_outbox_backlog") >= 1
                        && metric("prepline_outbox_oldest_age_seconds") >= 1, "the backlog to show the answer");
                assertTrue(metric("prepline_outbox_oldest_age_seconds") < 60, "the age is in seconds");
                assertTrue(metric("prepline_review_queue_depth", "status", "SUBMITTED") >= 1);
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
            }
        }
        awaitTrue(() -> metric("prepline_outbox_backlog") == 0 && metric("prepline_outbox_oldest_age_seconds") == 0,
                "the backlog to empty once the relay runs again");
    }

    @Test
    void scoresAndDecisionsAreTimedFromTheSubmissionAndCountedByOutcome() {
        Question q = activeQuestion();
        double toScore = metric("prepline_submission_to_score_seconds_count");
        double toDecision = metric("prepline_submission_to_decision_seconds_count");
        double approved = metric("prepline_auto_decisions_total", "outcome", "APPROVED");
        double toReview = metric("prepline_auto_decisions_total", "outcome", "NEEDS_REVIEW");

        String approve = submitted("metrics-" + UUID.randomUUID(), q);
        String review = submitted("metrics-" + UUID.randomUUID(), q);
        publishScore(approve, scored(approve, q, 1, 90, 0.95, "PASS", "1.0.0", 4));
        publishScore(review, scored(review, q, 1, 55, 0.4, "BORDERLINE", "1.0.0", 2));
        awaitStatus(approve, "APPROVED");
        awaitStatus(review, "NEEDS_REVIEW");

        awaitTrue(() -> metric("prepline_submission_to_score_seconds_count") >= toScore + 2,
                "both first scores to be timed");
        assertEquals(approved + 1, metric("prepline_auto_decisions_total", "outcome", "APPROVED"));
        assertEquals(toReview + 1, metric("prepline_auto_decisions_total", "outcome", "NEEDS_REVIEW"));
        assertEquals(toDecision + 1, metric("prepline_submission_to_decision_seconds_count"),
                "only the approval is a decision");
        assertTrue(metric("prepline_submission_to_score_seconds_bucket", "le", "60.0")
                >= metric("prepline_submission_to_score_seconds_bucket", "le", "0.5"), "cumulative buckets");
        assertTrue(metric("prepline_submission_to_score_seconds_sum") > 0);
    }

    @Test
    void theReviewQueueShowsAnswersWaitingForAReviewerAndTheClaimsHeld() {
        Question q = activeQuestion();
        String id = submitted("queue-" + UUID.randomUUID(), q);
        publishScore(id, scored(id, q, 1, 55, 0.4, "BORDERLINE", "1.0.0", 2));
        awaitStatus(id, "NEEDS_REVIEW");
        awaitTrue(() -> metric("prepline_review_queue_depth", "status", "NEEDS_REVIEW") >= 1,
                "the queue to show the answer");
        double claims = metric("prepline_review_claims");
        given().auth().oauth2(token("metrics-reviewer-" + UUID.randomUUID(), "reviewer"))
                .when().post("/api/v1/reviews/" + id + "/claim").then().statusCode(200);
        awaitTrue(() -> metric("prepline_review_claims") >= claims + 1, "the claim to be counted");
    }
}
