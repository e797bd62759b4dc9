package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.prepline.review.scoring.ScoreDocument.Comment;
import io.prepline.review.scoring.ScoreDocument.CommentType;
import io.prepline.review.scoring.ScoreDocument.Coverage;
import io.prepline.review.scoring.ScoreDocument.CriterionScore;
import io.prepline.review.scoring.ScoreDocument.PointResult;
import io.prepline.review.scoring.ScoreDocument.Verdict;

/**
 * Comments a candidate can act on, typed as Exercism's analyzers type theirs: essential (must fix), actionable
 * (should improve), informative (good to know), celebratory (done well). Every missing point is named in the
 * rubric's own words; every covered one quotes the answer.
 */
final class Feedback {

    /** Sentence cosine from which a partly covering sentence is quoted even without a shared concept. */
    static final double PARTIAL_QUOTE_COSINE = 0.5;

    private Feedback() {
    }

    static List<Comment> forCriterion(Rubric.Criterion criterion, int score, List<PointResult> points) {
        List<Comment> out = new ArrayList<>();
        String title = criterion.title() == null || criterion.title().isBlank() ? criterion.key() : criterion.title();
        long missing = points.stream().filter(p -> p.coverage() == Coverage.MISSING).count();
        if (!points.isEmpty() && missing == points.size()) {
            out.add(new Comment(CommentType.ESSENTIAL, "Nothing in the answer addresses \"" + title + "\" yet."));
        } else if (score == 4) {
            out.add(new Comment(CommentType.CELEBRATORY, "\"" + title + "\" is fully covered."));
        }
        for (PointResult p : points) {
            String point = plain(p.text());
            switch (p.coverage()) {
                case COVERED -> out.add(new Comment(CommentType.CELEBRATORY,
                        "Covered: " + point + " You wrote: \"" + p.evidence() + "\""));
                case PARTIAL -> out.add(new Comment(CommentType.ACTIONABLE, p.evidence() == null
                        ? "Only touched on: " + point + " Say it explicitly, in a sentence of its own."
                        : "Only partly covered: " + point + " You wrote: \"" + p.evidence()
                                + "\". Say the rest of it explicitly and explain why it matters."));
                case MISSING -> out.add(new Comment(score <= 1 ? CommentType.ESSENTIAL : CommentType.ACTIONABLE,
                        "Not covered yet. Add: " + point));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The words quoted as evidence for a point: the covering sentence when COVERED; for a PARTIAL point the sentence
     * that earned its credit, if it addresses the point (shares a concept with it or is close to it: a weak best match
     * is not quoted), else the sentence naming its concepts; none when MISSING.
     */
    static String evidence(Coverage coverage, double probability, PointMatcher.Match match) {
        if (coverage == Coverage.MISSING) {
            return null;
        }
        if (coverage == Coverage.COVERED) {
            return RubricScorer.quote(match.evidence());
        }
        double named = match.named() == null ? 0 : match.named().share();
        boolean addresses = match.evidence() != null && (match.features().concepts() > 0
                || match.features().cosine() >= PARTIAL_QUOTE_COSINE);
        if (addresses && Judge.probabilityCredit(probability) >= Judge.NAMED_CREDIT * named) {
            return RubricScorer.quote(match.evidence());
        }
        return match.named() == null ? null : RubricScorer.quote(match.named().unit().text());
    }

    static Comment summary(Verdict verdict, int overall, int covered, int total, List<CriterionScore> criteria) {
        String counts = covered + " of " + total + " expected " + (total == 1 ? "point" : "points") + " covered";
        CriterionScore weakest = criteria.stream().min(Comparator.comparingInt(CriterionScore::score)).orElse(null);
        String focus = weakest == null || weakest.score() == 4 ? ""
                : " Work on \"" + (weakest.title() == null ? weakest.key() : weakest.title()) + "\" first.";
        return switch (verdict) {
            case PASS -> new Comment(CommentType.CELEBRATORY, "Good answer: " + counts + " (" + overall + "/100)."
                    + focus);
            case BORDERLINE -> new Comment(CommentType.ACTIONABLE, "Close: " + counts + " (" + overall + "/100)."
                    + focus);
            case FAIL -> new Comment(CommentType.ESSENTIAL, "Not there yet: " + counts + " (" + overall + "/100)."
                    + focus);
            case NEEDS_HUMAN -> new Comment(CommentType.INFORMATIVE, "A reviewer will look at this answer; the "
                    + "automatic scorer found " + counts + " (" + overall + "/100) but is not confident.");
        };
    }

    /** The point as a sentence: capitalised, with a full stop. */
    static String plain(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }
}
