package io.prepline.answer;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.PostgresServer;
import io.prepline.devstack.PrometheusText;
import io.prepline.devstack.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Test data produced the way the other services produce it: catalogue snapshots and scores go through Kafka. */
public final class Fixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private Fixtures() {
    }

    public record Question(UUID id, String slug) {
    }

    public static String token(String user, String... roles) {
        return DevStack.shared().token(user, roles);
    }

    /** Publishes a question snapshot to the catalogue topic and waits until the service has stored it. */
    public static Question publishQuestion(String status, long version, int parts, boolean rubric) {
        UUID id = UUID.randomUUID();
        Question q = new Question(id, "q-" + id.toString().substring(0, 8));
        publishSnapshot(q, status, version, parts, rubric);
        return q;
    }

    public static Question activeQuestion() {
        return publishQuestion("ACTIVE", 1, 0, true);
    }

    public static void publishSnapshot(Question q, String status, long version, int parts, boolean rubric) {
        send("catalogue.questions.v1", q.id().toString(), snapshot(q, status, version, parts, rubric));
        awaitTrue(() -> catalogueVersion(q.id()) >= version, "catalogue version " + version + " of " + q.slug());
    }

    public static String snapshot(Question q, String status, long version, int parts, boolean rubric) {
        String rubricJson = """
                {"version":1,"criteria":[{"key":"definitions","kind":"DEFINITIONS","title":"Defines it","weight":1.0,
                "points":[{"id":"definitions-1","text":"t","concepts":[["a"]],"guidance":null}]}]}""";
        String partsJson = IntStream.rangeClosed(1, parts)
                .mapToObj(n -> "{\"number\":" + n + ",\"title\":\"Part " + n + "\",\"prompt\":\"p\",\"rubric\":"
                        + rubricJson + "}")
                .collect(Collectors.joining(",", "[", "]"));
        return """
                {"id":"%s","slug":"%s","version":%d,"status":"%s","title":"A question","prompt":"Explain it.",
                 "category":"Machine Learning","difficulty":"EASY","sampleAnswer":null,"rubric":%s,"parts":%s,
                 "futureField":{"tolerated":true},"updatedAt":"2026-11-23T19:00:00Z"}"""
                .formatted(q.id(), q.slug(), version, status, rubric ? rubricJson : "null", partsJson);
    }

    /** Reviewer-only guidance in {@link #rubric}: it must never reach a candidate. */
    public static final String GUIDANCE = "Reviewer-only: accept magnitude pruning as an example";

    /**
     * A rubric as question-service publishes it: criteria definitions (weight 0.5) and tradeoffs (0.5), point texts in
     * the rubric's words, reviewer-only guidance.
     */
    public static String rubric(int version) {
        return """
                {"version":%d,"criteria":[
                  {"key":"definitions","kind":"DEFINITIONS","title":"Defines it","weight":0.5,
                   "points":[{"id":"definitions-1","text":"Pruning removes weights that contribute little",
                     "concepts":[["prune"]],"guidance":"%s"}]},
                  {"key":"tradeoffs","kind":"TRADE_OFFS","title":"Trade-offs","weight":0.5,
                   "points":[{"id":"tradeoffs-1","text":"Sparsity trades accuracy for speed","concepts":[["sparse"]],
                     "guidance":null}]}]}""".formatted(version, GUIDANCE);
    }

    /** Publishes a question whose whole-question rubric is {@link #rubric}(rubricVersion) and waits for it. */
    public static void publishWithRubric(Question q, long version, int rubricVersion) {
        send("catalogue.questions.v1", q.id().toString(), snapshotWithRubric(q, version, rubricVersion));
        awaitTrue(() -> catalogueVersion(q.id()) >= version, "catalogue version " + version + " of " + q.slug());
    }

    public static String snapshotWithRubric(Question q, long version, int rubricVersion) {
        return """
                {"id":"%s","slug":"%s","version":%d,"status":"ACTIVE","title":"A question","prompt":"Explain it.",
                 "category":"Machine Learning","difficulty":"EASY","sampleAnswer":null,"rubric":%s,"parts":[],
                 "updatedAt":"2026-11-23T19:00:00Z"}""".formatted(q.id(), q.slug(), version, rubric(rubricVersion));
    }

    /** The dead letter the review-worker writes for a submission it cannot score. */
    public static String deadLetter(String answerId, String reason, String failedAt) {
        return """
                {"reason":"%s","detail":"question has no rubric after the grace period",
                 "submission":{"answerId":"%s","body":"..."},"failedAt":"%s","futureField":1}"""
                .formatted(reason, answerId, failedAt);
    }

    public static Question questionWithRubric() {
        UUID id = UUID.randomUUID();
        Question q = new Question(id, "q-" + id.toString().substring(0, 8));
        publishWithRubric(q, 1, 1);
        return q;
    }

    /** A score as {@link #scored} gives, against the given rubric version. */
    public static String scored(String answerId, Question q, int revision, int overall, double confidence,
                                String verdict, String scorerVersion, int criterionScore, int rubricVersion) {
        return scored(answerId, q, revision, overall, confidence, verdict, scorerVersion, criterionScore)
                .replace("\"rubricVersion\":1", "\"rubricVersion\":" + rubricVersion);
    }

    /** Sends a record as the topic's producer would, with its CloudEvents headers. */
    public static void send(String topic, String key, String value) {
        TopicProbe.sendFrom(DevStack.shared().bootstrapServers(), topic, producer(topic), key, value);
    }

    /** The CloudEvents source of the service that produces {@code topic}. */
    public static String producer(String topic) {
        return switch (topic) {
            case "catalogue.questions.v1" -> "/question-service";
            case "answers.scored.v1", "answers.submitted.v1.dlq" -> "/review-worker";
            default -> "/answer-service";
        };
    }

    public static long catalogueVersion(UUID id) {
        Long v = queryLong("SELECT version FROM catalogue_question WHERE id = ?", id);
        return v == null ? -1 : v;
    }

    public static Long queryLong(String sql, Object... args) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connection() throws SQLException {
        return DriverManager.getConnection(DevStack.shared().jdbcUrl("answers"), PostgresServer.USER, "");
    }

    public static long count(String sql, Object... args) {
        Long n = queryLong(sql, args);
        return n == null ? 0 : n;
    }

    public static Response submit(String token, String question, Integer part, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(json(question, part, body))
                .when().post("/api/v1/answers");
    }

    public static String json(String question, Integer part, String body) {
        return "{\"question\":\"" + question + "\",\"part\":" + part + ",\"body\":" + quote(body) + "}";
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Submits an answer as {@code user} and returns its id. */
    public static String submitted(String user, Question q) {
        return submit(token(user, "candidate"), q.slug(), null, "Pruning removes weights that matter little.")
                .then().statusCode(202).extract().path("id");
    }

    /** The {@code answers.scored.v1} event the review-worker would publish. */
    public static String scored(String answerId, Question q, int revision, int overall, double confidence,
                                String verdict, String scorerVersion, int criterionScore) {
        return """
                {"answerId":"%s","questionId":"%s","part":null,"revision":%d,"overall":%d,"confidence":%s,
                 "verdict":"%s","rubricVersion":1,"scorerVersion":"%s",
                 "criteria":[{"key":"definitions","kind":"DEFINITIONS","title":"Defines it","score":%d,
                   "points":[{"id":"definitions-1","text":"t","coverage":"COVERED","similarity":0.74,
                     "evidence":"removes weights"}],
                   "comments":[{"type":"actionable","text":"Name a pruning method."}]},
                  {"key":"tradeoffs","kind":"TRADE_OFFS","title":"Trade-offs","score":1,"points":[],"comments":[]}],
                 "flags":[],"comments":[{"type":"essential","text":"Good start."}],"scoredAt":"2026-11-23T19:00:01Z"}"""
                .formatted(answerId, q.id(), revision, overall, confidence, verdict, scorerVersion, criterionScore);
    }

    public static void publishScore(String answerId, String scoredJson) {
        send("answers.scored.v1", answerId, scoredJson);
    }

    public static String status(String answerId) {
        return given().auth().oauth2(token("rev-fixture", "reviewer")).when().get("/api/v1/answers/" + answerId)
                .then().statusCode(200).extract().path("status");
    }

    public static void awaitStatus(String answerId, String status) {
        awaitTrue(() -> status.equals(status(answerId)), "answer " + answerId + " to become " + status);
    }

    public static void awaitTrue(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** A counter or gauge of this service's {@code /q/metrics}, summed over the samples with these labels. */
    public static double metric(String name, String... labels) {
        return PrometheusText.value(given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/metrics").then().statusCode(200).extract().asString(),
                name, labels);
    }

    /** Dead letters counted for a channel and reason. */
    public static double deadLetters(String channel, String reason) {
        return metric("prepline_consumer_dead_letters_total", "channel", channel, "reason", reason);
    }

    /** The record of this service's dead-letter topic for {@code key} with {@code reason}, waiting for it. */
    public static ConsumerRecord<String, String> awaitDeadLetter(TopicProbe deadLetters, String key, String reason) {
        return deadLetters.awaitHeader(key, "dead-letter-reason", reason, WAIT);
    }

    public static List<String> list(String... values) {
        return List.of(values);
    }
}
