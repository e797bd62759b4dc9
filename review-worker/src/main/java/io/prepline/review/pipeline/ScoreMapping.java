package io.prepline.review.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.prepline.review.scoring.ScoreDocument;

/** The scorer's document as the event (and preview) JSON shape. */
public final class ScoreMapping {

    private ScoreMapping() {
    }

    public static AnswerScored toEvent(AnswerSubmitted submission, ScoreDocument doc, Instant scoredAt) {
        return toEvent(submission.answerId(), submission.questionId(), submission.part(), submission.revision(), doc,
                scoredAt);
    }

    public static AnswerScored toEvent(String answerId, String questionId, Integer part, Integer revision,
                                      ScoreDocument doc, Instant scoredAt) {
        List<AnswerScored.Criterion> criteria = doc.criteria().stream()
                .map(c -> new AnswerScored.Criterion(c.key(), c.kind(), c.title(), c.score(),
                        c.points().stream().map(p -> new AnswerScored.Point(p.id(), p.text(), p.coverage().name(),
                                p.similarity(), p.evidence())).toList(),
                        comments(c.comments())))
                .toList();
        return new AnswerScored(answerId, questionId, part, revision, doc.overall(), doc.confidence(),
                doc.verdict().name(), doc.rubricVersion(), doc.scorerVersion(), criteria,
                doc.flags() == null ? List.of() : List.copyOf(doc.flags()), comments(doc.comments()), scoredAt);
    }

    private static List<AnswerScored.Comment> comments(List<ScoreDocument.Comment> comments) {
        return comments == null ? List.of() : comments.stream()
                .map(c -> new AnswerScored.Comment(c.type().name().toLowerCase(Locale.ROOT), c.text())).toList();
    }
}
