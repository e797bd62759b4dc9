package io.prepline.review.scoring;

import java.util.List;

/**
 * What an answer is scored against: one version of a question's (or a part's) rubric, with the texts the scorer uses
 * to recognise copying.
 *
 * @param questionId       the question's id
 * @param part             the part number of a multi-part question, or null
 * @param version          the rubric version; scores name it
 * @param questionText     the prompt the candidate answered (copying it is not an answer)
 * @param referenceAnswer  the sample answer, if any (copying it is flagged)
 * @param criteria         DEFINITIONS, TRADE_OFFS, PITFALLS, EVALUATION, ... each with weighted expected points
 */
public record Rubric(String questionId, Integer part, int version, String questionText, String referenceAnswer,
                     List<Criterion> criteria) {

    public record Criterion(String key, String kind, String title, double weight, List<Point> points) {
    }

    /**
     * One expected point.
     *
     * @param concepts groups of synonyms and spelling variants; a group is matched when any of its terms occurs
     */
    public record Point(String id, String text, List<List<String>> concepts) {
    }
}
