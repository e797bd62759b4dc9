package io.prepline.review.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.prepline.review.scoring.ScoreDocument.CommentType;
import io.prepline.review.scoring.ScoreDocument.Coverage;
import io.prepline.review.scoring.ScoreDocument.Verdict;

class RubricScorerTest {

    private static final RubricScorer SCORER = new RubricScorer();
    private static final Rubric RUBRIC = Fixtures.pruningRubric();

    private static boolean hasComment(List<ScoreDocument.Comment> comments, CommentType type, String fragment) {
        return comments.stream().anyMatch(c -> c.type() == type && c.text().contains(fragment));
    }

    private static List<ScoreDocument.PointResult> points(ScoreDocument doc) {
        return doc.criteria().stream().flatMap(c -> c.points().stream()).toList();
    }

    @Test
    void strongAnswerCoveringEveryPointPassesWithQuotedEvidence() {
        ScoreDocument doc = SCORER.score(RUBRIC, Fixtures.text("strong-answer.md"));

        assertEquals(Verdict.PASS, doc.verdict(), () -> "document: " + doc);
        assertTrue(doc.overall() >= 90, () -> "overall " + doc.overall());
        assertEquals(List.of(), doc.flags());
        assertEquals("2.1.0", doc.scorerVersion());
        assertEquals(3, doc.rubricVersion());
        for (ScoreDocument.PointResult p : points(doc)) {
            assertEquals(Coverage.COVERED, p.coverage(), () -> p.id() + " in " + doc);
            assertNotNull(p.evidence());
            for (String sentence : p.evidence().replace(" …", "").split("(?<=\\.) ")) {
                assertTrue(Fixtures.text("strong-answer.md").replace("**", "").contains(sentence),
                        () -> "evidence quotes the answer: " + p.evidence());
            }
        }
        for (ScoreDocument.CriterionScore c : doc.criteria()) {
            assertTrue(c.score() >= 3, () -> c.key() + " scored " + c.score());
            assertTrue(hasComment(c.comments(), CommentType.CELEBRATORY, "You wrote: \""), c::toString);
        }
    }

    @Test
    void answerCoveringOnlyTheDefinitionNamesEachMissingPointInPlainWords() {
        String answer = "Pruning means removing the weights of a trained neural network that barely affect its output. "
                + "Individual weights with a small magnitude are set to zero, while structured pruning removes whole "
                + "channels or filters.";
        ScoreDocument doc = SCORER.score(RUBRIC, answer);

        ScoreDocument.CriterionScore definitions = doc.criteria().get(0);
        assertTrue(definitions.score() >= 3, definitions::toString);
        ScoreDocument.CriterionScore pitfalls = doc.criteria().get(2);
        assertEquals(Coverage.MISSING, pitfalls.points().get(0).coverage(), pitfalls::toString);
        assertNull(pitfalls.points().get(0).evidence());
        assertTrue(hasComment(pitfalls.comments(), CommentType.ESSENTIAL, "Not covered yet. Add: Pruning too "
                + "aggressively at once destroys accuracy; prune gradually and fine-tune between steps."),
                pitfalls::toString);
        assertTrue(doc.overall() < RubricScorer.PASS_THRESHOLD, () -> "overall " + doc.overall());
        assertTrue(doc.verdict() == Verdict.FAIL || doc.verdict() == Verdict.BORDERLINE, doc::toString);
    }

    @Test
    void criteriaWeighTheOverallScore() {
        String definitionsOnly = "Pruning removes the weights of a trained network that contribute little to its "
                + "output. Unstructured pruning zeroes individual small weights; structured pruning removes whole "
                + "channels, filters or attention heads.";
        ScoreDocument doc = SCORER.score(RUBRIC, definitionsOnly);
        double expected = 0;
        double weights = 0;
        for (int i = 0; i < RUBRIC.criteria().size(); i++) {
            weights += RUBRIC.criteria().get(i).weight();
        }
        // the overall is within rounding of the weighted criterion scores
        for (int i = 0; i < doc.criteria().size(); i++) {
            expected += RUBRIC.criteria().get(i).weight() * doc.criteria().get(i).score() / 4.0;
        }
        assertEquals(100 * expected / weights, doc.overall(), 100 * 0.125 * 1.0,
                () -> "overall " + doc.overall() + " vs criteria " + doc.criteria());
    }

    @Test
    void offTopicAnswerIsFlaggedScoredLowAndToldWhy() {
        String answer = "To cook pasta, bring a large pot of salted water to the boil. Add the spaghetti and stir it "
                + "so that it does not stick. Taste it after eight minutes and drain it when it is al dente.";
        ScoreDocument doc = SCORER.score(RUBRIC, answer);

        assertTrue(doc.flags().contains(Flags.OFF_TOPIC), doc::toString);
        assertTrue(doc.overall() <= 10, () -> "overall " + doc.overall());
        assertEquals(Verdict.FAIL, doc.verdict());
        assertTrue(hasComment(doc.comments(), CommentType.ESSENTIAL, "does not address the question"));
    }

    @Test
    void keywordListWithoutSentencesEarnsAtMostPartialCredit() {
        String answer = """
                - pruning
                - weights
                - structured, unstructured
                - sparsity
                - fine-tuning
                - accuracy
                - latency
                """;
        ScoreDocument doc = SCORER.score(RUBRIC, answer);

        assertTrue(doc.flags().contains(Flags.KEYWORD_LIST), doc::toString);
        assertTrue(points(doc).stream().noneMatch(p -> p.coverage() == Coverage.COVERED), doc::toString);
        assertTrue(doc.overall() < RubricScorer.PASS_THRESHOLD, () -> "overall " + doc.overall());
        assertTrue(hasComment(doc.comments(), CommentType.ACTIONABLE, "list of keywords"));
    }

    @Test
    void commaSeparatedKeywordsAreAKeywordListToo() {
        ScoreDocument doc = SCORER.score(RUBRIC,
                "pruning, weights, magnitude, structured, channels, sparsity, hardware, accuracy, fine-tune, baseline");

        assertTrue(doc.flags().contains(Flags.KEYWORD_LIST), doc::toString);
        assertTrue(doc.overall() < RubricScorer.PASS_THRESHOLD, () -> "overall " + doc.overall());
    }

    @Test
    void copyingTheQuestionIsFlaggedAndScoresLow() {
        ScoreDocument doc = SCORER.score(RUBRIC, RUBRIC.questionText());

        assertTrue(doc.flags().contains(Flags.COPIED_QUESTION), doc::toString);
        assertTrue(doc.overall() <= 10, () -> "overall " + doc.overall());
        assertTrue(hasComment(doc.comments(), CommentType.ESSENTIAL, "repeats the question"));
    }

    @Test
    void copyingTheSampleAnswerGoesToAHuman() {
        ScoreDocument doc = SCORER.score(RUBRIC, RUBRIC.referenceAnswer());

        assertTrue(doc.flags().contains(Flags.COPIED_REFERENCE), doc::toString);
        assertEquals(Verdict.NEEDS_HUMAN, doc.verdict());
        assertTrue(doc.confidence() <= 0.2);
        assertTrue(hasComment(doc.comments(), CommentType.ESSENTIAL, "copied from the sample answer"));
    }

    @Test
    void emptyAnswerScoresZeroAndSaysSo() {
        for (String empty : List.of("", "   \n\n  ", "<div><img src=x></div>")) {
            ScoreDocument doc = SCORER.score(RUBRIC, empty);

            assertEquals(0, doc.overall());
            assertEquals(Verdict.FAIL, doc.verdict());
            assertEquals(List.of(Flags.EMPTY), doc.flags());
            assertTrue(hasComment(doc.comments(), CommentType.ESSENTIAL, "empty")
                    || hasComment(doc.comments(), CommentType.ESSENTIAL, "no words"), doc::toString);
            assertTrue(points(doc).stream().allMatch(p -> p.coverage() == Coverage.MISSING));
        }
    }

    @Test
    void oneLineAnswerIsFlaggedTooShort() {
        ScoreDocument doc = SCORER.score(RUBRIC, "Pruning removes unimportant weights.");

        assertTrue(doc.flags().contains(Flags.TOO_SHORT), doc::toString);
        assertTrue(doc.overall() < RubricScorer.PASS_THRESHOLD, () -> "overall " + doc.overall());
        assertTrue(hasComment(doc.comments(), CommentType.ESSENTIAL, "too short"));
    }

    @Test
    void nonEnglishAnswerGoesToAHuman() {
        List<String> answers = List.of(
                "La poda elimina los pesos de la red que contribuyen poco a la salida. Es mejor podar de forma "
                        + "gradual y volver a entrenar el modelo para no perder precisión.",
                "剪枝会删除对输出贡献很小的权重和神经元。应该逐步剪枝并在每一步之后微调模型，然后与原始模型比较准确率和延迟。");
        for (String answer : answers) {
            ScoreDocument doc = SCORER.score(RUBRIC, answer);

            assertTrue(doc.flags().contains(Flags.NON_ENGLISH), doc::toString);
            assertEquals(Verdict.NEEDS_HUMAN, doc.verdict());
            assertTrue(hasComment(doc.comments(), CommentType.ESSENTIAL, "English"));
        }
    }

    @Test
    void aPointMadeOnlyAtTheEndOfALongAnswerIsRead() {
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            answer.append("Observation number ").append(i).append(" about layer ").append(i % 13)
                    .append(" shows that its activations changed by ").append(i % 7).append(" percent.\n\n");
        }
        answer.append("Pruning too aggressively in one step destroys accuracy, so I prune gradually and fine-tune "
                + "the network between the steps.");
        ScoreDocument doc = SCORER.score(RUBRIC, answer.toString());

        ScoreDocument.PointResult gradual = doc.criteria().get(2).points().get(0);
        assertEquals(Coverage.COVERED, gradual.coverage(), gradual::toString);
        assertTrue(gradual.evidence().startsWith("Pruning too aggressively in one step"), gradual::toString);
        assertFalse(doc.flags().contains(Flags.TRUNCATED), doc::toString);
    }

    @Test
    void answerLongerThanTwiceTheSubmissionLimitIsCutAndFlagged() {
        String answer = Fixtures.text("strong-answer.md") + "\n\n"
                + "Each layer keeps its own pruning mask in memory. ".repeat(1_000);
        ScoreDocument doc = SCORER.score(RUBRIC, answer);

        assertTrue(doc.flags().contains(Flags.TRUNCATED), doc::toString);
        assertTrue(hasComment(doc.comments(), CommentType.INFORMATIVE, "only its beginning"));
        assertTrue(doc.overall() >= RubricScorer.PASS_THRESHOLD, "the scored part still counts");
    }

    @Test
    void repeatedSentencesCountOnceAndAreFlagged() {
        String sentence = "Pruning removes the weights of a trained network that contribute little to its output. ";
        ScoreDocument once = SCORER.score(RUBRIC, sentence + "It makes the model smaller.");
        ScoreDocument repeated = SCORER.score(RUBRIC, sentence.repeat(6) + "It makes the model smaller.");

        assertTrue(repeated.flags().contains(Flags.REPETITION), repeated::toString);
        assertFalse(once.flags().contains(Flags.REPETITION));
        assertEquals(once.overall(), repeated.overall());
        assertTrue(hasComment(repeated.comments(), CommentType.INFORMATIVE, "repeats itself"));
    }

    @Test
    void sameAnswerAndRubricGiveEqualDocumentsAcrossInstancesAndThreads() throws Exception {
        String answer = Fixtures.text("strong-answer.md");
        ScoreDocument first = new RubricScorer().score(RUBRIC, answer);
        ScoreDocument second = new RubricScorer().score(RUBRIC, answer);
        assertEquals(first, second);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ScoreDocument>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> SCORER.score(RUBRIC, answer)));
            }
            for (Future<ScoreDocument> f : futures) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAnswersDocumentDoesNotDependOnWhatWasScoredBefore() {
        String answer = Fixtures.text("strong-answer.md");
        ScoreDocument alone = new RubricScorer().score(RUBRIC, answer);
        // the same sentences read beside other ones, in another order, then the answer again
        List<String> lines = new ArrayList<>(List.of(answer.split("\n")));
        java.util.Collections.reverse(lines);
        SCORER.score(RUBRIC, String.join("\n", lines) + "\n\nPruning also shrinks the model file on disk.");
        SCORER.score(RUBRIC, "Magnitude pruning removes small weights. " + answer);
        assertEquals(alone, SCORER.score(RUBRIC, answer));
    }

    @Test
    void textsReadTogetherGetTheSameVectorsWhateverTheirOrder() {
        List<String> texts = List.of("Pruning removes weights.", "Structured pruning removes whole channels of a layer.",
                "Fine-tune after each step.", "Measure latency on the target hardware.", "Compare with the dense model.",
                "Pruning removes weights.");
        java.util.Map<String, SentenceModel.Encoded> forward = SentenceModel.get().encodeTogether(texts);
        java.util.Map<String, SentenceModel.Encoded> backward = SentenceModel.get().encodeTogether(texts.reversed());
        assertEquals(5, forward.size(), "each distinct text once");
        for (String t : texts) {
            assertTrue(java.util.Arrays.equals(forward.get(t).sentence(), backward.get(t).sentence()), t);
            assertTrue(java.util.Arrays.deepEquals(forward.get(t).tokens(), backward.get(t).tokens()), t);
        }
    }

    @Test
    void aNewRubricVersionIsNotServedFromTheCache() {
        String answer = "Pruning removes the weights of a trained network that contribute little to its output.";
        ScoreDocument before = SCORER.score(RUBRIC, answer);
        Rubric.Criterion only = new Rubric.Criterion("pitfalls", "PITFALLS", "Knows the pitfalls", 1.0,
                List.of(RUBRIC.criteria().get(2).points().get(0)));
        Rubric next = new Rubric(RUBRIC.questionId(), null, RUBRIC.version() + 1, RUBRIC.questionText(),
                RUBRIC.referenceAnswer(), List.of(only));
        ScoreDocument after = SCORER.score(next, answer);

        assertEquals(4, before.criteria().size());
        assertEquals(1, after.criteria().size());
        assertEquals(RUBRIC.version() + 1, after.rubricVersion());
    }

    @Test
    void pointsWithoutConceptGroupsAreMatchedOnTheirOwnWords() {
        Rubric rubric = new Rubric("q-circuit", null, 1, "Why does bulb A stay on when switch X is open?", null,
                List.of(new Rubric.Criterion("reasoning", "REASONING", "Explains the circuit", 1.0, List.of(
                        new Rubric.Point("reasoning-1", "Bulb A is still in a closed path with the battery",
                                List.of())))));
        ScoreDocument right = SCORER.score(rubric, "Because bulb A is still in a closed path with the battery.");
        ScoreDocument wrong = SCORER.score(rubric, "Because the switch is broken.");

        assertEquals(Coverage.COVERED, right.criteria().get(0).points().get(0).coverage(), right::toString);
        assertTrue(right.overall() > wrong.overall() + 30, () -> right.overall() + " vs " + wrong.overall());
    }

    @Test
    void rubricWithoutPointsIsLeftToAHuman() {
        Rubric empty = new Rubric("q-empty", null, 1, "Explain pruning.", null, List.of());
        ScoreDocument doc = SCORER.score(empty, "Pruning removes weights.");

        assertEquals(Verdict.NEEDS_HUMAN, doc.verdict());
        assertEquals(List.of(Flags.RUBRIC_EMPTY), doc.flags());
    }
}
