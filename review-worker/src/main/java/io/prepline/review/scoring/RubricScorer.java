package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.prepline.review.scoring.ScoreDocument.Comment;
import io.prepline.review.scoring.ScoreDocument.CommentType;
import io.prepline.review.scoring.ScoreDocument.Coverage;
import io.prepline.review.scoring.ScoreDocument.CriterionScore;
import io.prepline.review.scoring.ScoreDocument.PointResult;
import io.prepline.review.scoring.ScoreDocument.Verdict;

/**
 * Scores a markdown answer against a rubric, in five phases with a home each: read the answer into units
 * ({@link AnswerReader}), match every rubric point to the unit that most probably covers it ({@link PointMatcher}),
 * judge points, criteria and the overall by one written rule ({@link Judge}), flag the hard cases
 * ({@link HardCases}) and explain it all to the candidate ({@link Feedback}).
 * <p>
 * Thread-safe and deterministic. Keep one instance per process: the sentence model is shared, and prepared rubrics
 * are cached per question, part, rubric version and content.
 */
public class RubricScorer implements AnswerScorer {

    public static final String VERSION = "2.1.0";
    /** An overall at or above this counts as a pass in binary decisions. */
    public static final int PASS_THRESHOLD = 50;
    /** Longest answer read, in characters: twice the submission limit, so no accepted answer is cut. */
    static final int MAX_CHARS = 40_000;
    static final int EVIDENCE_CHARS = 200;

    /**
     * The calibrated model of "this unit covers this point": {@code z = bias + cosine*sentence cosine + concepts*share
     * of concept groups matched + echo*similarity of the unit to the question + negation*(one of the two negated, the
     * other not) + align*word-piece alignment}, {@code p = sigmoid(z)}; and the confidence curve
     * {@code sigmoid(confidenceBias + confidenceMargin * m + confidenceMarginSquared * m^2)} with
     * {@code m = margin(mean probability, points)} (see {@link Judge}). Fitted by
     * {@code EvaluateMain --calibrate} on the calibration half of the development set.
     */
    public record Calibration(double bias, double cosine, double concepts, double echo, double negation, double align,
                              double confidenceBias, double confidenceMargin, double confidenceMarginSquared) {
        public static final Calibration DEFAULT = new Calibration(-2.525, 0.409, 0.81, 0.835, -0.276, 2.466,
                -0.58, 0.928, 0.238);

        public double z(MatchFeatures f) {
            return bias + cosine * f.cosine() + concepts * f.concepts() + echo * f.echo() + negation * f.negation()
                    + align * f.align();
        }

        public double probability(MatchFeatures f) {
            return 1 / (1 + Math.exp(-z(f)));
        }
    }

    /** For calibration: the confidence margin of a mean point probability (see {@link Judge#margin}). */
    public static double margin(double meanProbability, int points) {
        return Judge.margin(meanProbability, points);
    }

    private record CacheKey(String questionId, Integer part, int version, int contentHash) {
    }

    private final Calibration calibration;
    private final int cacheSize;
    private final TermAnalyzer analyzer = new TermAnalyzer();
    private final MarkdownSegmenter segmenter = new MarkdownSegmenter(MAX_CHARS);
    private final AnswerReader reader = new AnswerReader(analyzer, segmenter);
    private final PointMatcher matcher;
    private final ConcurrentHashMap<CacheKey, PreparedRubric> prepared = new ConcurrentHashMap<>();

    public RubricScorer() {
        this(Calibration.DEFAULT, 512);
    }

    public RubricScorer(Calibration calibration, int cacheSize) {
        this.calibration = Objects.requireNonNull(calibration);
        this.cacheSize = cacheSize;
        this.matcher = new PointMatcher(calibration);
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public ScoreDocument score(Rubric rubric, String answerMarkdown) {
        return scoreCounted(rubric, answerMarkdown).document();
    }

    @Override
    public Counted scoreCounted(Rubric rubric, String answerMarkdown) {
        PreparedRubric pr = prepare(rubric);
        if (pr.pointCount == 0) {
            return new Counted(new ScoreDocument(0, 0.0, Verdict.NEEDS_HUMAN, VERSION, rubric.version(), List.of(),
                    List.of(Flags.RUBRIC_EMPTY), List.of(new Comment(CommentType.INFORMATIVE, "This question's "
                    + "rubric has no expected points yet, so the answer cannot be scored automatically; a reviewer "
                    + "will read it."))), 0);
        }
        AnswerReader.Read answer = reader.read(answerMarkdown, pr);
        if (answer.units().isEmpty()) {
            return new Counted(emptyDocument(rubric, pr), 0);
        }
        List<List<PointMatcher.Match>> matches = match(pr, answer);
        return new Counted(judge(rubric, pr, answer, matches), answer.units().size());
    }

    private List<List<PointMatcher.Match>> match(PreparedRubric pr, AnswerReader.Read answer) {
        List<List<PointMatcher.Match>> out = new ArrayList<>();
        for (PreparedRubric.Criterion c : pr.criteria) {
            List<PointMatcher.Match> points = new ArrayList<>();
            for (PreparedRubric.Point p : c.points()) {
                points.add(matcher.best(p, answer.units()));
            }
            out.add(points);
        }
        return out;
    }

    private ScoreDocument judge(Rubric rubric, PreparedRubric pr, AnswerReader.Read answer,
                                List<List<PointMatcher.Match>> matches) {
        List<CriterionScore> criteria = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Double> meanCredits = new ArrayList<>();
        List<Double> meanProbabilities = new ArrayList<>();
        double bestCosine = 0;
        double bestConcepts = 0;
        int covered = 0;
        for (int ci = 0; ci < pr.criteria.size(); ci++) {
            PreparedRubric.Criterion c = pr.criteria.get(ci);
            List<PointResult> results = new ArrayList<>();
            List<Double> credits = new ArrayList<>();
            List<Double> probabilities = new ArrayList<>();
            for (int pi = 0; pi < c.points().size(); pi++) {
                PreparedRubric.Point p = c.points().get(pi);
                PointMatcher.Match m = matches.get(ci).get(pi);
                double probability = probability(m, answer);
                double named = m.named() == null ? 0 : m.named().share();
                Coverage coverage = Judge.coverage(probability, named);
                covered += coverage == Coverage.COVERED ? 1 : 0;
                credits.add(Judge.credit(probability, named));
                probabilities.add(probability);
                bestCosine = Math.max(bestCosine, m.features().cosine());
                bestConcepts = Math.max(bestConcepts, m.features().concepts());
                results.add(new PointResult(p.point().id(), p.point().text(), coverage,
                        round4(m.features().cosine()), Feedback.evidence(coverage, probability, m)));
            }
            int score = Judge.criterionScore(credits);
            weights.add(c.criterion().weight());
            meanCredits.add(Judge.mean(credits));
            meanProbabilities.add(Judge.mean(probabilities));
            criteria.add(new CriterionScore(c.criterion().key(), c.criterion().kind(), c.criterion().title(), score,
                    List.copyOf(results), Feedback.forCriterion(c.criterion(), score, results)));
        }
        HardCases.Findings findings = HardCases.inspect(answer, pr,
                new HardCases.MatchSummary(bestCosine, bestConcepts, covered));
        int overall = findings.cap(Judge.overall(weights, meanCredits));
        double meanProbability = Judge.weightedMean(weights, meanProbabilities);
        double confidence = round2(findings.confidence(Judge.confidence(meanProbability, pr.pointCount, calibration)));
        Verdict verdict = Judge.verdict(overall, confidence, findings.needsHuman);
        List<Comment> comments = new ArrayList<>(findings.comments);
        comments.add(Feedback.summary(verdict, overall, covered, pr.pointCount, criteria));
        return new ScoreDocument(overall, confidence, verdict, VERSION, rubric.version(), List.copyOf(criteria),
                List.copyOf(findings.flags), List.copyOf(comments));
    }

    /** The match's probability, at most partly covered when the evidence is a bare keyword of a keyword list. */
    private static double probability(PointMatcher.Match m, AnswerReader.Read answer) {
        double p = m.probability();
        if (answer.keywordList() && m.unit() != null && m.unit().fragment()) {
            p = Math.min(p, 0.5);
        }
        return round4(p);
    }

    /**
     * For calibration: the features of each point's best-matching unit, in rubric order. Not part of
     * {@link AnswerScorer}.
     */
    public List<MatchFeatures> pointFeatures(Rubric rubric, String answerMarkdown) {
        PreparedRubric pr = prepare(rubric);
        return match(pr, reader.read(answerMarkdown, pr)).stream()
                .flatMap(points -> points.stream().map(PointMatcher.Match::features)).toList();
    }

    private PreparedRubric prepare(Rubric rubric) {
        CacheKey key = new CacheKey(rubric.questionId(), rubric.part(), rubric.version(),
                Objects.hash(rubric.criteria(), rubric.questionText(), rubric.referenceAnswer()));
        PreparedRubric cached = prepared.get(key);
        if (cached != null) {
            return cached;
        }
        if (prepared.size() >= cacheSize) {
            // rubric versions are few; dropping the lot is simpler than LRU and does not change results
            prepared.clear();
        }
        return prepared.computeIfAbsent(key, k -> new PreparedRubric(rubric, analyzer, segmenter));
    }

    private ScoreDocument emptyDocument(Rubric rubric, PreparedRubric pr) {
        List<CriterionScore> criteria = new ArrayList<>();
        for (PreparedRubric.Criterion c : pr.criteria) {
            List<PointResult> results = new ArrayList<>();
            for (PreparedRubric.Point p : c.points()) {
                results.add(new PointResult(p.point().id(), p.point().text(), Coverage.MISSING, 0, null));
            }
            criteria.add(new CriterionScore(c.criterion().key(), c.criterion().kind(), c.criterion().title(), 0,
                    List.copyOf(results), Feedback.forCriterion(c.criterion(), 0, results)));
        }
        return new ScoreDocument(0, 1.0, Verdict.FAIL, VERSION, rubric.version(), List.copyOf(criteria),
                List.of(Flags.EMPTY), List.of(new Comment(CommentType.ESSENTIAL,
                "The answer is empty: write out your answer in sentences so it can be scored.")));
    }

    static String quote(String text) {
        String t = text.strip();
        if (t.length() <= EVIDENCE_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', EVIDENCE_CHARS);
        return t.substring(0, cut > EVIDENCE_CHARS / 2 ? cut : EVIDENCE_CHARS) + " …";
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
