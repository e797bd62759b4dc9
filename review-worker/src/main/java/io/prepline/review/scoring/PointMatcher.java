package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The second phase: for one rubric point, the unit (or two adjacent units) of the answer that most probably covers
 * it, and that probability. Every unit is a candidate. Cheap features (sentence cosine, concept groups, echo of the
 * question, negation) rank them; the best few are then aligned word piece by word piece, and the calibrated model
 * of all features picks the winner.
 */
final class PointMatcher {

    /** Candidates per point that are aligned piece by piece (the alignment is the costly feature). */
    static final int ALIGNED_CANDIDATES = 4;

    /**
     * @param unit     the covering unit (of two adjacent units, the one closer to the point); null when none
     * @param evidence the words of the covering unit or units
     * @param named    the sentence naming the largest share of the point's telling concept groups, or null
     */
    record Match(AnswerUnit unit, String evidence, MatchFeatures features, double probability, Named named) {
    }

    /** A sentence (not a bare keyword) that names part of what the point expects, and the share it names. */
    record Named(AnswerUnit unit, double share) {
    }

    /** @param evidence the unit's words, or both units' words in the answer's order */
    private record Candidate(int index, AnswerUnit lead, AnswerUnit next, String evidence, MatchFeatures cheap,
                             double cheapScore) {
    }

    private final RubricScorer.Calibration calibration;

    PointMatcher(RubricScorer.Calibration calibration) {
        this.calibration = calibration;
    }

    Match best(PreparedRubric.Point point, List<AnswerUnit> units) {
        List<Candidate> candidates = candidates(point, units);
        candidates.sort(Comparator.comparingDouble(Candidate::cheapScore).reversed()
                .thenComparingInt(Candidate::index));
        Named named = named(point, units);
        Match best = new Match(null, null, MatchFeatures.NONE, calibration.probability(MatchFeatures.NONE),
                named);
        for (int i = 0; i < Math.min(ALIGNED_CANDIDATES, candidates.size()); i++) {
            Candidate c = candidates.get(i);
            MatchFeatures f = withAlignment(point, c);
            double probability = calibration.probability(f);
            if (probability > best.probability()) {
                best = new Match(c.lead(), c.evidence(), f, probability, named);
            }
        }
        return best;
    }

    /** The sentence naming most of the point's telling concept groups; bare keywords do not count. */
    private static Named named(PreparedRubric.Point point, List<AnswerUnit> units) {
        Named best = null;
        for (AnswerUnit u : units) {
            if (u.fragment()) {
                continue;
            }
            double share = Concepts.tellingShare(point, u);
            if (share > 0 && (best == null || share > best.share())) {
                best = new Named(u, share);
            }
        }
        return best;
    }

    /** Each unit, and each pair of adjacent units whose concepts together exceed either alone. */
    private List<Candidate> candidates(PreparedRubric.Point point, List<AnswerUnit> units) {
        List<Candidate> out = new ArrayList<>(units.size() + 4);
        double[] cosines = new double[units.size()];
        double[] concepts = new double[units.size()];
        for (int i = 0; i < units.size(); i++) {
            AnswerUnit u = units.get(i);
            cosines[i] = u.read() ? RubricScorer.round4(SentenceModel.cosine(point.embedding(),
                    u.encoded().sentence())) : 0;
            concepts[i] = Concepts.share(point, u, null);
            out.add(candidate(i, u, null, u.text(), cosines[i], concepts[i], point));
        }
        for (int i = 0; i + 1 < units.size(); i++) {
            AnswerUnit a = units.get(i);
            AnswerUnit b = units.get(i + 1);
            double both = Concepts.share(point, a, b);
            if (both > Math.max(concepts[i], concepts[i + 1])) {
                AnswerUnit lead = cosines[i] >= cosines[i + 1] ? a : b;
                AnswerUnit other = lead == a ? b : a;
                out.add(candidate(units.size() + i, lead, other, a.text() + " " + b.text(),
                        Math.max(cosines[i], cosines[i + 1]), both, point));
            }
        }
        return out;
    }

    private Candidate candidate(int index, AnswerUnit lead, AnswerUnit next, String evidence, double cosine,
                                double concepts, PreparedRubric.Point point) {
        MatchFeatures cheap = new MatchFeatures(cosine, concepts, lead.echo(), negationMismatch(point, lead), 0);
        return new Candidate(index, lead, next, evidence, cheap, calibration.z(cheap));
    }

    private static MatchFeatures withAlignment(PreparedRubric.Point point, Candidate c) {
        double align = 0;
        if (c.lead().read()) {
            align = TokenVectors.recall(point.tokens(), c.lead().contentTokens(),
                    c.next() != null && c.next().read() ? c.next().contentTokens() : null);
        }
        MatchFeatures f = c.cheap();
        return new MatchFeatures(f.cosine(), f.concepts(), f.echo(), f.negation(), RubricScorer.round4(align));
    }

    private static double negationMismatch(PreparedRubric.Point p, AnswerUnit u) {
        return p.negated() != u.analysed().negated() ? 1 : 0;
    }
}
