package io.prepline.review.scoring;

/** Scores a markdown answer against one rubric version. Implementations are thread-safe and deterministic. */
public interface AnswerScorer {

    /** The version of the scoring method; it changes whenever the same input could score differently. */
    String version();

    ScoreDocument score(Rubric rubric, String answerMarkdown);
}
