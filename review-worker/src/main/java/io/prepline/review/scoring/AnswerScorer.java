package io.prepline.review.scoring;

/** Scores a markdown answer against one rubric version. Implementations are thread-safe and deterministic. */
public interface AnswerScorer {

    /** The version of the scoring method; it changes whenever the same input could score differently. */
    String version();

    ScoreDocument score(Rubric rubric, String answerMarkdown);

    /** A score and the number of units the answer was read as (for the scoring time per unit). */
    record Counted(ScoreDocument document, int units) {
    }

    /** Scores and counts the units the answer was read as; one unit when the scorer does not read by units. */
    default Counted scoreCounted(Rubric rubric, String answerMarkdown) {
        return new Counted(score(rubric, answerMarkdown), 1);
    }
}
