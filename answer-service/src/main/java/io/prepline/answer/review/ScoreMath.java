package io.prepline.answer.review;

import java.util.List;

/**
 * Recomputes an answer's overall and verdict after reviewers override criterion scores. The scorer's overall comes
 * from finer per-point evidence than the 0-4 criterion scores, so it is kept and moved by the weighted change of the
 * overridden criteria (a full criterion of weight w moves it by 100 * w / total weight). Pure.
 */
public final class ScoreMath {

    public static final int MAX_CRITERION = 4;

    /** @param weight the rubric's weight, or null (criteria without a weight count equally) */
    public record Criterion(String key, Double weight, int machine, int current) {
    }

    private ScoreMath() {
    }

    public static int overall(int machineOverall, List<Criterion> criteria) {
        boolean weighted = criteria.stream().allMatch(c -> c.weight() != null && c.weight() > 0);
        double total = 0;
        double change = 0;
        for (Criterion c : criteria) {
            double w = weighted ? c.weight() : 1;
            total += w;
            change += w * (c.current() - c.machine());
        }
        if (total == 0) {
            return machineOverall;
        }
        long moved = Math.round(machineOverall + 100.0 * change / (MAX_CRITERION * total));
        return (int) Math.max(0, Math.min(100, moved));
    }

    /** The machine's verdict while nothing is overridden, else the scorer's bands applied to the new overall. */
    public static String verdict(String machineVerdict, boolean overridden, int overall, int passFrom,
                                 int borderlineFrom) {
        if (!overridden) {
            return machineVerdict;
        }
        return overall >= passFrom ? "PASS" : overall >= borderlineFrom ? "BORDERLINE" : "FAIL";
    }
}
