package io.prepline.answer.warmup;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.answer.catalogue.CatalogueStore;
import io.prepline.answer.catalogue.QuestionSnapshot;
import io.prepline.answer.live.StatusFeed;
import io.prepline.answer.scoring.ScoredEvent;
import io.prepline.answer.scoring.ScoringService;
import io.prepline.answer.submission.AnswerRequest;
import io.prepline.answer.submission.AnswerView;
import io.prepline.answer.submission.SubmissionService;
import io.prepline.platform.messaging.EventJson;

/**
 * One answer's way through this service, rehearsed in a transaction that is always rolled back, so nothing it writes
 * stays (no row, no outbox event, no notification, no metric: those are counted after commit): its question arrives
 * in the catalogue, the answer is submitted (read from JSON as a request body is), scored and decided, read back with
 * its feedback and written as JSON; then a live-status stream is opened and closed.
 */
@ApplicationScoped
class Rehearsal {

    /** The user the rehearsed answers belong to; no token ever names it, since no rehearsed row is ever committed. */
    static final String USER = "warm-up";
    static final String SLUG_PREFIX = "warm-up-";

    private static final String RUBRIC = """
            {"version":1,"criteria":[
              {"key":"definitions","kind":"DEFINITIONS","title":"Defines unit and integration tests","weight":0.5,
               "points":[{"id":"definitions-1","text":"A unit test checks one unit of code in isolation",
                 "concepts":[["unit"],["isolation","isolated"]],"guidance":null}]},
              {"key":"tradeoffs","kind":"TRADE_OFFS","title":"Weighs the costs","weight":0.5,
               "points":[{"id":"tradeoffs-1","text":"Integration tests are slower and harder to debug",
                 "concepts":[["slow","slower"],["debug"]],"guidance":null}]}]}""";

    private static final String BODY = """
            ## Unit and integration tests

            A unit test checks one small unit of code, usually a function or a class, in isolation from its \
            collaborators. It is fast and deterministic, so a developer can run hundreds of them on every change.

            - An integration test checks that several components work together, such as the code and its database.
            - It catches wiring and configuration errors that unit tests miss, but it is slower and harder to debug.

            Mocks such as a `PaymentGateway` stand-in keep unit tests fast, but they couple a test to the \
            implementation.""";

    @Inject
    TransactionManager transactions;
    @Inject
    CatalogueStore catalogue;
    @Inject
    SubmissionService submissions;
    @Inject
    ScoringService scoring;
    @Inject
    StatusFeed feed;
    @Inject
    ObjectMapper json;

    /** Rehearses once; {@code round} makes the answer's text and idempotency key differ from the other rounds'. */
    @ActivateRequestContext
    void run(int round) throws SystemException, NotSupportedException {
        transactions.begin();
        try {
            rehearse(round);
        } finally {
            transactions.rollback();
        }
        follow();
    }

    private void rehearse(int round) {
        UUID questionId = UUID.randomUUID();
        String slug = SLUG_PREFIX + questionId;
        catalogue.upsert(EventJson.readEvent(snapshot(questionId, slug), QuestionSnapshot.class));
        AnswerView answer = submissions.submit(USER, request(slug, round), SLUG_PREFIX + round).answer();
        String scored = scored(answer, questionId);
        scoring.apply(EventJson.readEvent(scored, ScoredEvent.class), scored);
        AnswerView read = submissions.find(answer.id().toString(), USER, false)
                .orElseThrow(() -> new IllegalStateException("the rehearsed answer was not found"));
        try {
            json.writeValueAsString(read);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stream of an answer that has no history: it reads once, sends nothing and is closed. */
    private void follow() {
        feed.follow(USER, UUID.randomUUID(), 0, event -> event)
                .ifNoItem().after(Duration.ofMillis(20)).recoverWithCompletion()
                .collect().asList()
                .await().atMost(Duration.ofSeconds(5));
    }

    private AnswerRequest request(String slug, int round) {
        String body = BODY + "\n\nRehearsal " + round + ".";
        try {
            return json.readValue(json.writeValueAsString(new AnswerRequest(slug, null, body)), AnswerRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String snapshot(UUID id, String slug) {
        return """
                {"id":"%s","slug":"%s","version":1,"status":"ACTIVE","title":"Unit and integration tests",
                 "prompt":"What is a unit test, and how does it differ from an integration test?",
                 "category":"Software Engineering","difficulty":"EASY","sampleAnswer":null,"rubric":%s,"parts":[],
                 "updatedAt":"2026-01-01T00:00:00Z"}""".formatted(id, slug, RUBRIC);
    }

    /** A confident passing score, as the review-worker publishes it: the rules approve it. */
    private static String scored(AnswerView answer, UUID questionId) {
        return """
                {"answerId":"%s","questionId":"%s","part":null,"revision":%d,"overall":82,"confidence":0.9,
                 "verdict":"PASS","rubricVersion":1,"scorerVersion":"warm-up",
                 "criteria":[{"key":"definitions","kind":"DEFINITIONS","title":"Defines unit and integration tests",
                   "score":4,"points":[{"id":"definitions-1","text":"A unit test checks one unit of code in isolation",
                     "coverage":"COVERED","similarity":0.81,"evidence":"A unit test checks one small unit of code"}],
                   "comments":[]},
                  {"key":"tradeoffs","kind":"TRADE_OFFS","title":"Weighs the costs","score":3,
                   "points":[{"id":"tradeoffs-1","text":"Integration tests are slower and harder to debug",
                     "coverage":"PARTIAL","similarity":0.62,"evidence":"it is slower and harder to debug"}],
                   "comments":[{"type":"actionable","text":"Say when an integration test is worth its cost."}]}],
                 "flags":[],"comments":[{"type":"essential","text":"A clear answer."}],"scoredAt":"%s"}"""
                .formatted(answer.id(), questionId, answer.revision(), answer.submittedAt());
    }
}
