package io.prepline.review.scoring;

import java.util.List;

/** Concept-group matching: a group is matched when any of its terms occurs in the unit. */
final class Concepts {

    private Concepts() {
    }

    /** Share of the point's concept groups matched in {@code u} (or in {@code u} and {@code next}). */
    static double share(PreparedRubric.Point p, AnswerUnit u, AnswerUnit next) {
        return share(p.groups(), u, next);
    }

    /** Share of the point's telling groups (authored, not given away by the question) matched in {@code u}. */
    static double tellingShare(PreparedRubric.Point p, AnswerUnit u) {
        return share(p.telling(), u, null);
    }

    private static double share(List<List<PreparedRubric.Term>> groups, AnswerUnit u, AnswerUnit next) {
        if (groups.isEmpty()) {
            return 0;
        }
        int matched = 0;
        for (List<PreparedRubric.Term> group : groups) {
            for (PreparedRubric.Term t : group) {
                if (matches(t, u) || next != null && matches(t, next)) {
                    matched++;
                    break;
                }
            }
        }
        return RubricScorer.round4((double) matched / groups.size());
    }

    private static boolean matches(PreparedRubric.Term t, AnswerUnit u) {
        List<String> stems = t.stems();
        if (stems.size() == 1) {
            return u.stems().contains(stems.get(0)) || u.compounds().contains(stems.get(0));
        }
        if (t.compound() != null && u.stems().contains(t.compound())) {
            return true;
        }
        List<String> content = u.analysed().contentStems();
        for (int i = 0; i + stems.size() <= content.size(); i++) {
            if (content.subList(i, i + stems.size()).equals(stems)) {
                return true;
            }
        }
        return false;
    }
}
