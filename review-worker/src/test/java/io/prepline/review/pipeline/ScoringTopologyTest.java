package io.prepline.review.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.prepline.review.scoring.AnswerScorer;
import io.prepline.review.scoring.RubricScorer;

class ScoringTopologyTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final PipelineSettings SETTINGS = new PipelineSettings("catalogue.questions.v1",
            "answers.submitted.v1", "answers.scored.v1", "answers.submitted.v1.dlq", GRACE, Duration.ofSeconds(1),
            Fixtures.ANSWER_SERVICE, Fixtures.QUESTION_SERVICE);
    private static final String QUESTION = "3f2c6a9e-5d1b-4c8e-9a7f-2b1d0e4c6a11";

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> catalogue;
    private TestInputTopic<String, String> submitted;
    private TestOutputTopic<String, String> scored;
    private TestOutputTopic<String, String> deadLetters;
    private final List<DeadLetter.Reason> counted = new ArrayList<>();
    private final List<String> catalogueSkipped = new ArrayList<>();

    @BeforeEach
    void start() {
        open(new KeywordScorer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void open(AnswerScorer scorer) {
        if (driver != null) {
            driver.close();
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "review-worker-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(ScoringTopology.build(SETTINGS, scorer, (channel, reason) -> {
            if (ScoringTopology.CATALOGUE.equals(channel)) {
                catalogueSkipped.add(reason.name());
            } else {
                counted.add(reason);
            }
        }), props,
                Instant.parse("2026-11-23T19:00:00Z"));
        catalogue = driver.createInputTopic(SETTINGS.catalogueTopic(), new StringSerializer(), new StringSerializer());
        submitted = driver.createInputTopic(SETTINGS.submittedTopic(), new StringSerializer(), new StringSerializer());
        scored = driver.createOutputTopic(SETTINGS.scoredTopic(), new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(SETTINGS.deadLetterTopic(), new StringDeserializer(),
                new StringDeserializer());
    }

    @Test
    void submissionIsScoredAgainstItsQuestionsCurrentRubric() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        String answer = UUID.randomUUID().toString();
        submit(answer, Fixtures.submission(answer, QUESTION, null, Fixtures.GOOD_ANSWER));

        TestRecord<String, String> record = scored.readRecord();
        assertEquals(answer, record.key());
        JsonSchemas.assertValid("answers-scored.v1.json", record.value());
        JsonNode event = Fixtures.read(record.value());
        assertEquals(answer, event.get("answerId").asText());
        assertEquals(QUESTION, event.get("questionId").asText());
        assertTrue(event.get("part").isNull());
        assertEquals(1, event.get("revision").asInt());
        assertEquals(2, event.get("rubricVersion").asInt());
        assertEquals("keyword-test-1", event.get("scorerVersion").asText());
        assertEquals(100, event.get("overall").asInt());
        assertEquals(List.of("definitions", "trade-offs", "evaluation"), keys(event.get("criteria")));
        assertEquals("COVERED", event.at("/criteria/0/points/0/coverage").asText());
        assertEquals("celebratory", event.at("/comments/0/type").asText());
        assertEquals("io.prepline.answer.scored.v1", header(record, "ce_type"));
        assertEquals("/review-worker", header(record, "ce_source"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("application/json", header(record, "content-type"));
        assertFalse(header(record, "ce_id").isBlank());
        assertTrue(deadLetters.isEmpty());

        // a new rubric version replaces the old one for later submissions
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning", "ACTIVE", 3));
        String second = UUID.randomUUID().toString();
        submit(second, Fixtures.submission(second, QUESTION, null, "Pruning removes weights."));
        JsonNode later = Fixtures.read(scored.readValue());
        assertEquals(3, later.get("rubricVersion").asInt());
        assertTrue(later.get("overall").asInt() < 100);
    }

    @Test
    void partIsScoredAgainstThePartsOwnRubric() {
        publish(QUESTION, Fixtures.questionWithoutRubric(QUESTION, "explain-model-pruning"));
        String answer = UUID.randomUUID().toString();
        submit(answer, Fixtures.submission(answer, QUESTION, 1,
                "Prune gradually in steps and fine-tune between them."));

        JsonNode event = Fixtures.read(scored.readValue());
        assertEquals(1, event.get("part").asInt());
        assertEquals(1, event.get("rubricVersion").asInt());
        assertEquals(List.of("schedule"), keys(event.get("criteria")));
        assertEquals(100, event.get("overall").asInt());
    }

    @Test
    void submissionArrivingBeforeItsQuestionIsHeldAndScoredWhenTheQuestionArrives() {
        String answer = UUID.randomUUID().toString();
        submit(answer, Fixtures.submission(answer, QUESTION, null, Fixtures.GOOD_ANSWER));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertTrue(scored.isEmpty());
        assertTrue(deadLetters.isEmpty());

        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertEquals(answer, scored.readKeyValue().key);
        driver.advanceWallClockTime(GRACE.multipliedBy(2));
        assertTrue(scored.isEmpty());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void submissionForAnUnknownQuestionGoesToTheDeadLetterTopicAfterTheGracePeriod() {
        String answer = UUID.randomUUID().toString();
        String value = Fixtures.submission(answer, QUESTION, null, Fixtures.GOOD_ANSWER);
        submit(answer, value);
        driver.advanceWallClockTime(GRACE.minusSeconds(2));
        assertTrue(deadLetters.isEmpty());

        driver.advanceWallClockTime(Duration.ofSeconds(3));

        TestRecord<String, String> record = deadLetters.readRecord();
        assertEquals(answer, record.key());
        JsonSchemas.assertValid("answers-submitted-dlq.v1.json", record.value());
        JsonNode letter = Fixtures.read(record.value());
        assertEquals("UNKNOWN_QUESTION", letter.get("reason").asText());
        assertTrue(letter.get("detail").asText().contains(QUESTION));
        assertEquals(Fixtures.read(value), letter.get("submission"));
        assertFalse(letter.get("failedAt").asText().isBlank());
        assertTrue(scored.isEmpty());
        driver.advanceWallClockTime(GRACE);
        assertTrue(deadLetters.isEmpty(), "a dead letter is sent once");
    }

    @Test
    void unknownPartAndMissingRubricAreDeadLetteredWithTheirReason() {
        publish(QUESTION, Fixtures.questionWithoutRubric(QUESTION, "explain-model-pruning"));
        String noPart = UUID.randomUUID().toString();
        String noRubric = UUID.randomUUID().toString();
        submit(noPart, Fixtures.submission(noPart, QUESTION, 7, Fixtures.GOOD_ANSWER));
        submit(noRubric, Fixtures.submission(noRubric, QUESTION, null, Fixtures.GOOD_ANSWER));

        driver.advanceWallClockTime(GRACE.plusSeconds(1));

        var letters = deadLetters.readKeyValuesToMap();
        assertEquals("UNKNOWN_PART", Fixtures.read(letters.get(noPart)).get("reason").asText());
        assertEquals("RUBRIC_MISSING", Fixtures.read(letters.get(noRubric)).get("reason").asText());
        assertTrue(scored.isEmpty());
    }

    @Test
    void rubricWithoutPointsIsScoredAndHandedToAHumanRatherThanDeadLettered() {
        open(new RubricScorer());
        ObjectNode question = (ObjectNode) Fixtures.read(Fixtures.question(QUESTION, "explain-model-pruning"));
        question.withArray("/rubric/criteria").forEach(c -> ((ObjectNode) c).putArray("points"));
        publish(QUESTION, question.toString());
        String answer = UUID.randomUUID().toString();
        submit(answer, Fixtures.submission(answer, QUESTION, null, Fixtures.GOOD_ANSWER));

        JsonNode event = Fixtures.read(scored.readValue());
        assertEquals("NEEDS_HUMAN", event.get("verdict").asText());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void deletedQuestionIsForgotten() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        publish(QUESTION, (String) null);
        String answer = UUID.randomUUID().toString();
        submit(answer, Fixtures.submission(answer, QUESTION, null, Fixtures.GOOD_ANSWER));

        driver.advanceWallClockTime(GRACE.plusSeconds(1));

        assertEquals("UNKNOWN_QUESTION", Fixtures.read(deadLetters.readValue()).get("reason").asText());
        assertTrue(scored.isEmpty());
    }

    @Test
    void malformedSubmissionsAreDeadLetteredAtOnceAndTheNextOneIsScored() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        String noBody = UUID.randomUUID().toString();
        ObjectNode withoutBody = (ObjectNode) Fixtures.read(Fixtures.submission(noBody, QUESTION, null, "x"));
        withoutBody.remove("body");
        submit("not-json", "this is {not json");
        submit(noBody, withoutBody.toString());
        submit("wrong-type", "{\"answerId\":\"a\",\"questionId\":\"q\",\"revision\":\"first\",\"body\":\"b\"}");
        submit("no-value", (String) null);
        String good = UUID.randomUUID().toString();
        submit(good, Fixtures.submission(good, QUESTION, null, Fixtures.GOOD_ANSWER));

        List<TestRecord<String, String>> letters = deadLetters.readRecordsToList();
        assertEquals(List.of("not-json", noBody, "wrong-type", "no-value"),
                letters.stream().map(TestRecord::key).toList());
        letters.forEach(r -> {
            JsonSchemas.assertValid("answers-submitted-dlq.v1.json", r.value());
            assertEquals("MALFORMED", Fixtures.read(r.value()).get("reason").asText());
        });
        assertEquals("this is {not json", Fixtures.read(letters.get(0).value()).get("submission").asText());
        assertTrue(Fixtures.read(letters.get(1).value()).get("detail").asText().contains("body"));
        assertTrue(Fixtures.read(letters.get(2).value()).get("detail").asText().contains("revision"));
        assertEquals(good, scored.readKeyValue().key);
    }

    @Test
    void answerSubmittedAfterRetirementIsDeadLetteredButOneSubmittedBeforeIsScored() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning", "RETIRED", 2));
        String before = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        submit(before, Fixtures.submission(before, QUESTION, null, Fixtures.GOOD_ANSWER,
                "2026-11-23T18:59:59Z"));
        submit(after, Fixtures.submission(after, QUESTION, null, Fixtures.GOOD_ANSWER,
                "2026-11-23T19:00:01Z"));

        assertEquals(before, scored.readKeyValue().key);
        TestRecord<String, String> letter = deadLetters.readRecord();
        assertEquals(after, letter.key());
        assertEquals("QUESTION_RETIRED", Fixtures.read(letter.value()).get("reason").asText());
        assertTrue(scored.isEmpty());
    }

    @Test
    void scorerFailureIsDeadLetteredAndTheWorkerGoesOn() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        String bad = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        submit(bad, Fixtures.submission(bad, QUESTION, null, "FAIL-SCORER"));
        submit(good, Fixtures.submission(good, QUESTION, null, Fixtures.GOOD_ANSWER));

        assertEquals("SCORING_FAILED", Fixtures.read(deadLetters.readValue()).get("reason").asText());
        assertEquals(good, scored.readKeyValue().key);
    }

    @Test
    void poisonedAnswersBetweenGoodOnesAreDeadLetteredWithTheirReasonAndEveryGoodOneIsScored() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        List<String> good = new ArrayList<>();
        List<String> poisoned = new ArrayList<>();
        for (String poison : List.of("OVERFLOW-SCORER", "ERROR-SCORER", "FAIL-SCORER")) {
            String before = UUID.randomUUID().toString();
            String bad = UUID.randomUUID().toString();
            submit(before, Fixtures.submission(before, QUESTION, null, Fixtures.GOOD_ANSWER));
            submit(bad, Fixtures.submission(bad, QUESTION, null, poison));
            good.add(before);
            poisoned.add(bad);
        }
        String last = UUID.randomUUID().toString();
        submit(last, Fixtures.submission(last, QUESTION, null, Fixtures.GOOD_ANSWER));
        good.add(last);

        assertEquals(good, scored.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        List<TestRecord<String, String>> letters = deadLetters.readRecordsToList();
        assertEquals(poisoned, letters.stream().map(TestRecord::key).toList());
        for (TestRecord<String, String> letter : letters) {
            JsonSchemas.assertValid("answers-submitted-dlq.v1.json", letter.value());
            assertEquals("SCORING_FAILED", Fixtures.read(letter.value()).get("reason").asText());
        }
        assertTrue(Fixtures.read(letters.get(0).value()).get("detail").asText().startsWith("StackOverflowError"),
                letters.get(0)::value);
    }

    @Test
    void submissionsNotFromAnswerServiceAreDeadLetteredUnscoredAndTheNextOneIsScored() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        String forged = UUID.randomUUID().toString();
        String unsigned = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        submitFrom("/someone-else", forged, Fixtures.submission(forged, QUESTION, null, Fixtures.GOOD_ANSWER));
        submitFrom(null, unsigned, Fixtures.submission(unsigned, QUESTION, null, Fixtures.GOOD_ANSWER));
        submit(good, Fixtures.submission(good, QUESTION, null, Fixtures.GOOD_ANSWER));

        List<TestRecord<String, String>> letters = deadLetters.readRecordsToList();
        assertEquals(List.of(forged, unsigned), letters.stream().map(TestRecord::key).toList());
        for (TestRecord<String, String> letter : letters) {
            JsonSchemas.assertValid("answers-submitted-dlq.v1.json", letter.value());
            assertEquals("UNTRUSTED_SOURCE", Fixtures.read(letter.value()).get("reason").asText());
            assertEquals("UNTRUSTED_SOURCE", header(letter, "dead-letter-reason"));
            assertEquals(SETTINGS.submittedTopic(), header(letter, "dead-letter-topic"));
            assertEquals("0", header(letter, "dead-letter-partition"));
        }
        assertTrue(Fixtures.read(letters.get(0).value()).get("detail").asText().contains("/someone-else"));
        assertEquals(good, scored.readKeyValue().key);
        assertTrue(scored.isEmpty());
        assertEquals(List.of(DeadLetter.Reason.UNTRUSTED_SOURCE, DeadLetter.Reason.UNTRUSTED_SOURCE), counted);
    }

    @Test
    void catalogueRecordsNotFromQuestionServiceAreSkippedAndCounted() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning", "ACTIVE", 2));
        // a forged retirement, a forged rubric and a forged deletion change nothing
        publishFrom("/someone-else", QUESTION, Fixtures.question(QUESTION, "explain-model-pruning", "RETIRED", 9));
        publishFrom(null, QUESTION, Fixtures.question(QUESTION, "explain-model-pruning", "ACTIVE", 9));
        publishFrom("/answer-service", QUESTION, null);
        // a question only a forger published is not in the catalogue
        String unknown = UUID.randomUUID().toString();
        publishFrom("/someone-else", unknown, Fixtures.question(unknown, "forged-question"));

        String answer = UUID.randomUUID().toString();
        submit(answer, Fixtures.submission(answer, QUESTION, null, Fixtures.GOOD_ANSWER));
        assertEquals(2, Fixtures.read(scored.readValue()).get("rubricVersion").asInt());

        String toForged = UUID.randomUUID().toString();
        submit(toForged, Fixtures.submission(toForged, unknown, null, Fixtures.GOOD_ANSWER));
        driver.advanceWallClockTime(GRACE.plusSeconds(1));
        assertEquals("UNKNOWN_QUESTION", Fixtures.read(deadLetters.readValue()).get("reason").asText());
        assertTrue(scored.isEmpty());
        assertEquals(List.of("UNTRUSTED_SOURCE", "UNTRUSTED_SOURCE", "UNTRUSTED_SOURCE", "UNTRUSTED_SOURCE"),
                catalogueSkipped);
    }

    @Test
    void submissionsOutOfRangeOrWithoutIdsAreMalformed() {
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        String answer = UUID.randomUUID().toString();
        String valid = Fixtures.submission(answer, QUESTION, null, Fixtures.GOOD_ANSWER);
        submit(answer, valid.replace("\"revision\":1", "\"revision\":0"));
        submit(answer, Fixtures.submission(answer, QUESTION, 0, Fixtures.GOOD_ANSWER));
        submit("not-an-id", Fixtures.submission("not-an-id", "neither", null, Fixtures.GOOD_ANSWER));
        submit(answer, valid.replace("\"revision\":1", "\"revision\":1.5"));

        List<String> details = deadLetters.readValuesToList().stream().map(Fixtures::read)
                .peek(letter -> assertEquals("MALFORMED", letter.get("reason").asText()))
                .map(letter -> letter.get("detail").asText()).toList();
        assertEquals(4, details.size());
        assertTrue(details.get(0).contains("revision 0 is not 1 or more"), details.get(0));
        assertTrue(details.get(1).contains("part 0 is not 1 or more"), details.get(1));
        assertTrue(details.get(2).contains("answerId \"not-an-id\" is not an id")
                && details.get(2).contains("questionId \"neither\" is not an id"), details.get(2));
        assertTrue(details.get(3).startsWith("revision has the wrong type"), details.get(3));
        assertTrue(scored.isEmpty());
    }

    @Test
    void aDeadLetterTooLargeForTheBrokerGoesWithoutItsSubmission() {
        String answer = UUID.randomUUID().toString();
        String huge = "not json " + "\"".repeat(600_000);
        submitFrom("/someone-else", answer, huge);
        String good = UUID.randomUUID().toString();
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        submit(good, Fixtures.submission(good, QUESTION, null, Fixtures.GOOD_ANSWER));

        String letter = deadLetters.readValue();
        assertTrue(letter.length() < ScoringProcessor.MAX_LETTER_CHARS, "a letter of " + letter.length());
        JsonSchemas.assertValid("answers-submitted-dlq.v1.json", letter);
        assertTrue(Fixtures.read(letter).get("submission").isNull());
        assertTrue(Fixtures.read(letter).get("detail").asText().contains("is left out"));
        assertEquals(good, scored.readKeyValue().key);
    }

    @Test
    void sameSubmissionScoredTwiceGivesTheSameEventAndEventId() {
        open(new RubricScorer());
        publish(QUESTION, Fixtures.question(QUESTION, "explain-model-pruning"));
        String answer = UUID.randomUUID().toString();
        String value = Fixtures.submission(answer, QUESTION, null, Fixtures.GOOD_ANSWER);
        submit(answer, value);
        driver.advanceWallClockTime(Duration.ofMinutes(3));
        submit(answer, value);

        List<TestRecord<String, String>> records = scored.readRecordsToList();
        assertEquals(2, records.size());
        JsonSchemas.assertValid("answers-scored.v1.json", records.get(0).value());
        assertEquals(withoutTime(records.get(0).value()), withoutTime(records.get(1).value()));
        assertEquals(header(records.get(0), "ce_id"), header(records.get(1), "ce_id"));
        assertNotEquals(Fixtures.read(records.get(0).value()).get("scoredAt"),
                Fixtures.read(records.get(1).value()).get("scoredAt"));
    }

    /** A catalogue record as question-service publishes it, with its CloudEvents source. */
    private void publish(String key, String value) {
        publishFrom(Fixtures.QUESTION_SERVICE, key, value);
    }

    private void publishFrom(String source, String key, String value) {
        catalogue.pipeInput(new TestRecord<>(key, value, fromSource(source), (Instant) null));
    }

    /** A submission as answer-service publishes it, with its CloudEvents source. */
    private void submit(String key, String value) {
        submitFrom(Fixtures.ANSWER_SERVICE, key, value);
    }

    private void submitFrom(String source, String key, String value) {
        submitted.pipeInput(new TestRecord<>(key, value, fromSource(source), (Instant) null));
    }

    private static RecordHeaders fromSource(String source) {
        RecordHeaders headers = new RecordHeaders();
        if (source != null) {
            headers.add("ce_source", source.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static List<String> keys(JsonNode criteria) {
        List<String> keys = new java.util.ArrayList<>();
        criteria.forEach(c -> keys.add(c.get("key").asText()));
        return keys;
    }

    private static JsonNode withoutTime(String json) {
        ObjectNode node = (ObjectNode) Fixtures.read(json);
        node.remove("scoredAt");
        return node;
    }

    private static String header(TestRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
