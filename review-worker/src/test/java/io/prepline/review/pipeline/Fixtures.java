package io.prepline.review.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Catalogue snapshots and submissions shaped like the ones the other services publish. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The CloudEvents source of answers.submitted.v1: the worker scores submissions from it only. */
    public static final String ANSWER_SERVICE = "/answer-service";
    /** The CloudEvents source of catalogue.questions.v1: the worker stores catalogue records from it only. */
    public static final String QUESTION_SERVICE = "/question-service";

    /** Covers every point of the fixture rubric in plain sentences. */
    public static final String GOOD_ANSWER = """
            Pruning removes weights or neurons that contribute little to the output, so the network gets smaller.

            - Unstructured pruning zeroes individual weights and leaves a sparse matrix.
            - Structured pruning removes whole channels or attention heads, which makes inference faster.

            The trade-off: a smaller and faster model can lose accuracy, so prune gradually and fine-tune after
            each step. Finally compare the pruned model with the dense one on a held-out set, looking at accuracy
            and latency together.
            """;

    private Fixtures() {
    }

    /** The fixture question with this id, slug, status and rubric version. */
    public static String question(String id, String slug, String status, int rubricVersion) {
        ObjectNode q = template();
        q.put("id", id);
        q.put("slug", slug);
        q.put("status", status);
        ((ObjectNode) q.get("rubric")).put("version", rubricVersion);
        return q.toString();
    }

    public static String question(String id, String slug) {
        return question(id, slug, "ACTIVE", 2);
    }

    /** A question that has only parts: the question itself has no rubric. */
    public static String questionWithoutRubric(String id, String slug) {
        ObjectNode q = template();
        q.put("id", id);
        q.put("slug", slug);
        q.putNull("rubric");
        return q.toString();
    }

    /** The fixture question's {@code updatedAt}: a retired snapshot says the question was retired then. */
    public static final String UPDATED_AT = "2026-11-23T19:00:00Z";

    public static String submission(String answerId, String questionId, Integer part, String body) {
        return submission(answerId, questionId, part, body, "2026-11-23T18:59:00Z");
    }

    public static String submission(String answerId, String questionId, Integer part, String body,
                                    String submittedAt) {
        ObjectNode s = JSON.createObjectNode();
        s.put("answerId", answerId);
        s.put("userId", "alice");
        s.put("questionId", questionId);
        s.put("questionSlug", "explain-model-pruning");
        if (part == null) {
            s.putNull("part");
        } else {
            s.put("part", part);
        }
        s.put("revision", 1);
        s.put("body", body);
        s.put("submittedAt", submittedAt);
        return s.toString();
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode template() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/catalogue-question.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
