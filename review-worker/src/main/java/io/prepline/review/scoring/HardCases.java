package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.prepline.review.scoring.ScoreDocument.Comment;
import io.prepline.review.scoring.ScoreDocument.CommentType;

/**
 * The flag phase: answers the rubric alone cannot judge (other language, copying, off-topic, too short, keyword
 * lists, repetition), each with its flag, its comment and its effect on the overall, the confidence and the verdict.
 */
final class HardCases {

    /** What the hard cases found; apply it with {@link #cap(int)} and {@link #confidence(double)}. */
    static final class Findings {
        final Set<String> flags = new LinkedHashSet<>();
        final List<Comment> comments = new ArrayList<>();
        int cap = 100;
        double confidenceFactor = 1;
        double confidenceCeiling = 1;
        double confidenceFloor = 0;
        boolean needsHuman;

        int cap(int overall) {
            return Math.min(overall, cap);
        }

        double confidence(double fromMargin) {
            double c = Math.min(confidenceCeiling, fromMargin * confidenceFactor);
            return Math.max(c, Math.min(confidenceFloor, confidenceCeiling));
        }

        private void add(String flag, CommentType type, String text) {
            flags.add(flag);
            comments.add(new Comment(type, text));
        }
    }

    /** What the match phase saw, for the off-topic check. */
    record MatchSummary(double bestCosine, double bestConcepts, int covered) {
    }

    private HardCases() {
    }

    static Findings inspect(AnswerReader.Read answer, PreparedRubric rubric, MatchSummary matched) {
        Findings f = new Findings();
        List<String> unitWords = new ArrayList<>();
        Set<String> answerStems = new HashSet<>();
        for (AnswerUnit u : answer.units()) {
            unitWords.addAll(u.analysed().words());
            answerStems.addAll(u.stems());
        }
        Set<String> novel = new HashSet<>(answerStems);
        novel.removeAll(rubric.questionStems);

        if (answer.language().nonEnglish()) {
            f.add(Flags.NON_ENGLISH, CommentType.ESSENTIAL, "The answer does not seem to be written in English ("
                    + answer.language().reason() + "). The automatic scorer only reads English, so a reviewer will "
                    + "read it.");
            f.confidenceCeiling = Math.min(f.confidenceCeiling, 0.1);
            f.needsHuman = true;
        }
        double questionCopy = Shingles.overlap(unitWords, rubric.questionTrigrams, 3);
        if (unitWords.size() >= 6 && questionCopy >= 0.6 && novel.size() <= Math.max(1, answerStems.size() / 6)) {
            f.add(Flags.COPIED_QUESTION, CommentType.ESSENTIAL, "The answer mostly repeats the question ("
                    + percent(questionCopy) + " of its word sequences come from it). Restating the question earns "
                    + "no points: answer it in your own words.");
            f.cap = Math.min(f.cap, 10);
        }
        double referenceCopy = Shingles.overlap(unitWords, rubric.referenceShingles, 5);
        if (unitWords.size() >= 20 && referenceCopy >= 0.5) {
            f.add(Flags.COPIED_REFERENCE, CommentType.ESSENTIAL, "Large parts of the answer are copied from the "
                    + "sample answer (" + percent(referenceCopy) + " of its five-word sequences). A reviewer will "
                    + "check it; write the answer in your own words.");
            f.confidenceCeiling = Math.min(f.confidenceCeiling, 0.2);
            f.needsHuman = true;
        }
        if (!f.flags.contains(Flags.NON_ENGLISH) && !f.flags.contains(Flags.COPIED_QUESTION)
                && matched.bestCosine() < 0.3 && matched.bestConcepts() == 0 && matched.covered() == 0) {
            f.add(Flags.OFF_TOPIC, CommentType.ESSENTIAL, "The answer does not address the question: none of its "
                    + "sentences is close to any expected point. Re-read the question and answer what it asks.");
            f.cap = Math.min(f.cap, 10);
            f.confidenceFloor = 0.8;
        }
        int words = answer.words().size();
        if (words < 12 && rubric.pointCount >= 3) {
            f.add(Flags.TOO_SHORT, CommentType.ESSENTIAL, "The answer is too short (" + words + " words) to cover "
                    + "the " + rubric.pointCount + " points this question expects. Explain each point in a sentence "
                    + "or two.");
            f.confidenceFactor *= 0.8;
        }
        if (answer.keywordList()) {
            f.add(Flags.KEYWORD_LIST, CommentType.ACTIONABLE, "The answer is mostly a list of keywords. Naming a "
                    + "term earns at most partial credit: write sentences that explain what each term means and why "
                    + "it matters here.");
            f.confidenceFactor *= 0.7;
        }
        if (answer.repetitive()) {
            f.add(Flags.REPETITION, CommentType.INFORMATIVE, "The answer repeats itself (" + answer.repeats()
                    + " repeated " + (answer.repeats() == 1 ? "sentence" : "sentences") + "); repeated sentences "
                    + "count once.");
            f.confidenceFactor *= 0.85;
        }
        if (answer.truncated()) {
            f.add(Flags.TRUNCATED, CommentType.INFORMATIVE, "The answer is longer than " + RubricScorer.MAX_CHARS
                    + " characters; only its beginning was scored.");
            f.confidenceFactor *= 0.85;
        }
        return f;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
