package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.List;

/** Scores answers against rubrics. Thread-safe; one instance per process is enough. */
public class RubricScorer implements AnswerScorer {

    public RubricScorer() {
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public ScoreDocument score(Rubric rubric, String answerMarkdown) {
        List<ScoreDocument.CriterionScore> criteria = new ArrayList<>();
        for (Rubric.Criterion c : rubric.criteria()) {
            List<ScoreDocument.PointResult> points = c.points().stream()
                    .map(p -> new ScoreDocument.PointResult(p.id(), p.text(), ScoreDocument.Coverage.MISSING, 0.0, null))
                    .toList();
            criteria.add(new ScoreDocument.CriterionScore(c.key(), c.kind(), c.title(), 0, points, List.of()));
        }
        return new ScoreDocument(0, 0.0, ScoreDocument.Verdict.NEEDS_HUMAN, version(), rubric.version(), criteria,
                List.of(), List.of(new ScoreDocument.Comment(ScoreDocument.CommentType.INFORMATIVE,
                "Automatic scoring is not available yet; a reviewer will read this answer.")));
    }
}
