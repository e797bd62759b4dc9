package io.prepline.review.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.prepline.review.scoring.ScoreDocument.CommentType;
import io.prepline.review.scoring.ScoreDocument.Coverage;
import io.prepline.review.scoring.ScoreDocument.PointResult;
import io.prepline.review.scoring.ScoreDocument.Verdict;

/**
 * The scale and the feedback on the catalogue's own rubrics (copied from the seed catalogue): hand-written answers
 * of several qualities to the single-part pruning question and to one part of the six-part question.
 */
class SeedRubricTest {

    private static final RubricScorer SCORER = new RubricScorer();
    private static final Rubric PRUNING = Fixtures.rubric("seed-pruning-rubric.json");
    private static final Rubric LAYER_NORM = Fixtures.rubric("seed-layernorm-part-rubric.json");

    private static ScoreDocument pruning(String answer) {
        return SCORER.score(PRUNING, Fixtures.text("seed/" + answer));
    }

    private static List<PointResult> points(ScoreDocument doc) {
        return doc.criteria().stream().flatMap(c -> c.points().stream()).toList();
    }

    private static PointResult point(ScoreDocument doc, String id) {
        return points(doc).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void completeAnswerCoversEveryPointWithTheSentenceThatStatesIt() {
        String answer = Fixtures.text("seed/pruning-strong.md");
        ScoreDocument doc = SCORER.score(PRUNING, answer);

        assertTrue(doc.overall() >= 90, () -> "overall " + doc.overall());
        assertEquals(Verdict.PASS, doc.verdict());
        for (PointResult p : points(doc)) {
            assertEquals(Coverage.COVERED, p.coverage(), () -> p.id() + " in " + doc);
            for (String sentence : p.evidence().replace(" …", "").split("(?<=\\.) ")) {
                assertTrue(answer.contains(sentence), () -> "evidence quotes the answer: " + p.evidence());
            }
        }
        assertEquals("Counting parameters instead of measuring real latency on the target device.",
                point(doc, "pitfalls-2").evidence());
        assertTrue(point(doc, "pitfalls-3").evidence().startsWith("Pruning can hurt rare classes and calibration"),
                () -> point(doc, "pitfalls-3").toString());
        assertTrue(point(doc, "evaluation-1").evidence().startsWith("I compare the pruned model with the dense "
                + "baseline on held-out data"), () -> point(doc, "evaluation-1").toString());
        assertTrue(doc.criteria().stream().allMatch(c -> c.score() == 4), doc::toString);
        assertTrue(doc.confidence() >= 0.8, () -> "confidence " + doc.confidence());
    }

    @Test
    void scoresRankAnswersByQualityAndAnswersWithoutSubstanceScoreAtMostTen() {
        Map<String, Integer> overall = List.of("strong", "good", "keywords", "vague", "wrong", "offtopic").stream()
                .collect(Collectors.toMap(q -> q, q -> pruning("pruning-" + q + ".md").overall()));

        assertTrue(overall.get("strong") >= 90, overall::toString);
        assertTrue(overall.get("good") >= 25 && overall.get("good") < overall.get("strong") - 30, overall::toString);
        for (String none : List.of("vague", "wrong", "offtopic")) {
            assertTrue(overall.get(none) <= 10, overall::toString);
        }
        assertTrue(overall.get("keywords") < overall.get("good"), overall::toString);
        assertEquals(0, overall.get("offtopic"), overall::toString);
    }

    @Test
    void aPartialAnswerQuotesOnlySentencesThatAddressTheirPointAndSaysWhatToAdd() {
        ScoreDocument doc = pruning("pruning-good.md");

        assertEquals(Coverage.PARTIAL, point(doc, "definitions-3").coverage(), doc::toString);
        assertEquals("The simplest method removes the weights with the smallest magnitude.",
                point(doc, "definitions-3").evidence());
        for (ScoreDocument.CriterionScore c : doc.criteria()) {
            for (PointResult p : c.points()) {
                if (p.evidence() != null) {
                    assertTrue(sharesAConcept(p, PRUNING), () -> p.id() + " quotes a sentence off its point: " + p);
                }
                if (p.coverage() == Coverage.MISSING) {
                    assertNull(p.evidence());
                    String add = "Not covered yet. Add: " + Feedback.plain(p.text());
                    assertTrue(c.comments().stream().anyMatch(m -> m.text().equals(add)), c::toString);
                }
            }
        }
        assertEquals(Coverage.MISSING, point(doc, "trade-offs-2").coverage(), doc::toString);
    }

    @Test
    void aPartOfAMultiPartQuestionIsJudgedByItsOwnRubric() {
        ScoreDocument strong = SCORER.score(LAYER_NORM, Fixtures.text("seed/layernorm-strong.md"));
        ScoreDocument weak = SCORER.score(LAYER_NORM, Fixtures.text("seed/layernorm-weak.md"));

        assertTrue(strong.overall() >= 90, strong::toString);
        assertTrue(points(strong).stream().allMatch(p -> p.coverage() == Coverage.COVERED), strong::toString);
        assertTrue(weak.overall() <= 10, weak::toString);
        assertEquals(Verdict.FAIL, weak.verdict());
        assertTrue(weak.criteria().get(2).comments().stream().anyMatch(m -> m.type() == CommentType.ESSENTIAL
                && m.text().startsWith("Not covered yet. Add: BatchNorm normalises over the batch")), weak::toString);
    }

    /** Whether the evidence names at least one term of one of the point's concept groups. */
    private static boolean sharesAConcept(PointResult p, Rubric rubric) {
        String evidence = p.evidence().toLowerCase(Locale.ROOT);
        Rubric.Point point = rubric.criteria().stream().flatMap(c -> c.points().stream())
                .filter(x -> x.id().equals(p.id())).findFirst().orElseThrow();
        for (List<String> group : point.concepts()) {
            for (String term : group) {
                String stem = term.toLowerCase(Locale.ROOT).replaceAll("(ing|ed|es|s|e)$", "");
                if (!stem.isEmpty() && evidence.contains(stem)) {
                    return true;
                }
            }
        }
        return false;
    }
}
