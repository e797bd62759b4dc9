package io.prepline.review.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.prepline.review.scoring.AnswerScorer;
import io.prepline.review.scoring.Rubric;
import io.prepline.review.scoring.ScoreDocument;
import io.prepline.review.scoring.ScoreDocument.Coverage;

/**
 * A small deterministic scorer for topology tests: a point is covered when every concept group has a term in the
 * answer. It fails on an answer containing {@code FAIL-SCORER} (an exception), {@code OVERFLOW-SCORER} (a stack
 * overflow) or {@code ERROR-SCORER} (another Error), to test that a scoring failure is contained.
 */
final class KeywordScorer implements AnswerScorer {

    @Override
    public String version() {
        return "keyword-test-1";
    }

    @Override
    public ScoreDocument score(Rubric rubric, String answer) {
        if (answer.contains("FAIL-SCORER")) {
            throw new IllegalStateException("scorer failure on purpose");
        }
        if (answer.contains("OVERFLOW-SCORER")) {
            throw new StackOverflowError("deep input on purpose");
        }
        if (answer.contains("ERROR-SCORER")) {
            throw new AssertionError("an Error on purpose");
        }
        String text = answer.toLowerCase(Locale.ROOT);
        List<ScoreDocument.CriterionScore> criteria = new ArrayList<>();
        double total = 0;
        double weights = 0;
        for (Rubric.Criterion c : rubric.criteria()) {
            List<ScoreDocument.PointResult> points = new ArrayList<>();
            int covered = 0;
            for (Rubric.Point p : c.points()) {
                boolean hit = !p.concepts().isEmpty() && p.concepts().stream()
                        .allMatch(group -> group.stream().anyMatch(term -> text.contains(term.toLowerCase(Locale.ROOT))));
                covered += hit ? 1 : 0;
                points.add(new ScoreDocument.PointResult(p.id(), p.text(), hit ? Coverage.COVERED : Coverage.MISSING,
                        hit ? 1.0 : 0.0, hit ? p.concepts().getFirst().getFirst() : null));
            }
            int score = Math.round(4f * covered / c.points().size());
            total += c.weight() * score / 4.0;
            weights += c.weight();
            criteria.add(new ScoreDocument.CriterionScore(c.key(), c.kind(), c.title(), score, points, List.of(
                    new ScoreDocument.Comment(ScoreDocument.CommentType.INFORMATIVE, covered + " points covered"))));
        }
        int overall = (int) Math.round(100 * total / weights);
        ScoreDocument.Verdict verdict = overall >= 70 ? ScoreDocument.Verdict.PASS : ScoreDocument.Verdict.FAIL;
        return new ScoreDocument(overall, 0.9, verdict, version(), rubric.version(), criteria, List.of(),
                List.of(new ScoreDocument.Comment(ScoreDocument.CommentType.CELEBRATORY, "scored")));
    }
}
