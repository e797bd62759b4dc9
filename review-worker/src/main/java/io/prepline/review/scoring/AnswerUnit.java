package io.prepline.review.scoring;

import java.util.Set;

/**
 * One unit of an answer as the scorer reads it.
 *
 * @param stems         content stems (stop words removed)
 * @param compounds     stems of adjacent word pairs written as one ("fine tuning" = "finetuning")
 * @param encoded       the sentence model's vectors, or null when the unit was not read by the model
 * @param contentTokens vectors of the word pieces of content words (stop words and punctuation removed)
 * @param echo          the unit's highest cosine with a sentence of the question
 * @param fragment      a keyword or a comma list of keywords rather than a sentence
 */
record AnswerUnit(MarkdownSegmenter.Unit unit, TermAnalyzer.Analysed analysed, Set<String> stems,
                  Set<String> compounds, SentenceModel.Encoded encoded, float[][] contentTokens, double echo,
                  boolean fragment) {

    boolean read() {
        return encoded != null;
    }

    String text() {
        return unit.text();
    }
}
