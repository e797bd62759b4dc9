package io.prepline.review.preview;

import java.util.List;

import io.prepline.review.pipeline.AnswerScored;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The score document of {@code answers.scored.v1} for a draft: no answer id, revision or time, nothing stored. */
public record ScorePreview(@Schema(nullable = true, description = "null for a draft rubric of a question not published yet")
                           String questionId,
                           @Schema(nullable = true, description = "null for a draft rubric of a question not published yet")
                           String questionSlug,
                           @Schema(nullable = true) Integer part,
                           int overall, double confidence, String verdict, int rubricVersion, String scorerVersion,
                           List<AnswerScored.Criterion> criteria, List<String> flags,
                           List<AnswerScored.Comment> comments) {

    static ScorePreview of(String questionSlug, AnswerScored doc) {
        return new ScorePreview(doc.questionId(), questionSlug, doc.part(), doc.overall(), doc.confidence(),
                doc.verdict(), doc.rubricVersion(), doc.scorerVersion(), doc.criteria(), doc.flags(),
                doc.comments());
    }
}
