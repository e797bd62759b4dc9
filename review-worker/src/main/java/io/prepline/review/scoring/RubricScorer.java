package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.prepline.review.scoring.ScoreDocument.Comment;
import io.prepline.review.scoring.ScoreDocument.CommentType;
import io.prepline.review.scoring.ScoreDocument.Coverage;
import io.prepline.review.scoring.ScoreDocument.CriterionScore;
import io.prepline.review.scoring.ScoreDocument.PointResult;
import io.prepline.review.scoring.ScoreDocument.Verdict;

/**
 * Scores a markdown answer against a rubric: for every expected point, the answer's best-matching sentence by
 * sentence embedding and concept-group matching gives the probability that the point is covered; points make a
 * criterion's 0-4 score, criteria (weighted) make the overall 0-100. Hard cases (empty, one-line, keyword lists,
 * copying, other languages, repetition, off-topic, very long) are recognised, flagged and explained.
 * <p>
 * Thread-safe and deterministic. Keep one instance per process: the sentence model is shared, and prepared rubrics
 * are cached per question, part, rubric version and content.
 */
public class RubricScorer implements AnswerScorer {

    public static final String VERSION = "1.0.0";
    /** An overall at or above this counts as a pass in binary decisions (the middle of the borderline band). */
    public static final int PASS_THRESHOLD = 50;
    static final int PASS_FROM = 58;
    static final int BORDERLINE_FROM = 42;
    static final int MAX_UNITS = 160;
    static final int MAX_CHARS = 40_000;
    static final int MAX_EMBEDDED_UNITS = 12;
    static final int EVIDENCE_CHARS = 200;

    /**
     * Logistic model of "this sentence covers this point": z = bias + cosine*sim + concepts*share of concept groups
     * matched + echo*similarity to the question + negation*(one of the two is negated, the other not).
     * The defaults were fitted by {@code EvaluateMain --calibrate} on the calibration half of SemEval-2013.
     */
    public record Calibration(double bias, double cosine, double concepts, double echo, double negation) {
        public static final Calibration DEFAULT = new Calibration(-2.229, 1.489, 1.865, 0.857, -0.27);
    }

    /** Features of the best-matching unit for one point: the inputs of the calibration. */
    public record PointFeatures(String pointId, double cosine, double concepts, double echo, double negation) {
    }

    private record CacheKey(String questionId, Integer part, int version, int contentHash) {
    }

    private record AnswerUnit(MarkdownSegmenter.Unit unit, TermAnalyzer.Analysed analysed, Set<String> stems,
                              Set<String> compounds, float[] embedding, double echo, boolean fragment) {
    }

    /** @param unit the best unit (for a point spread over two adjacent units, the first); evidence quotes both */
    private record Match(AnswerUnit unit, String evidence, double cosine, double concepts, double probability) {
    }

    private final Calibration calibration;
    private final int cacheSize;
    private final TermAnalyzer analyzer = new TermAnalyzer();
    private final MarkdownSegmenter segmenter = new MarkdownSegmenter(MAX_UNITS, MAX_CHARS);
    private final ConcurrentHashMap<CacheKey, PreparedRubric> prepared = new ConcurrentHashMap<>();

    public RubricScorer() {
        this(Calibration.DEFAULT, 512);
    }

    public RubricScorer(Calibration calibration, int cacheSize) {
        this.calibration = Objects.requireNonNull(calibration);
        this.cacheSize = cacheSize;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public ScoreDocument score(Rubric rubric, String answerMarkdown) {
        PreparedRubric pr = prepare(rubric);
        MarkdownSegmenter.Segmented segmented = segmenter.segment(answerMarkdown);
        Set<String> flags = new LinkedHashSet<>();
        List<Comment> comments = new ArrayList<>();

        if (pr.pointCount == 0) {
            flags.add(Flags.RUBRIC_EMPTY);
            comments.add(new Comment(CommentType.INFORMATIVE, "This question's rubric has no expected points yet, so "
                    + "the answer cannot be scored automatically; a reviewer will read it."));
            return new ScoreDocument(0, 0.0, Verdict.NEEDS_HUMAN, VERSION, rubric.version(), List.of(),
                    List.copyOf(flags), List.copyOf(comments));
        }
        if (segmented.units().isEmpty()) {
            flags.add(Flags.EMPTY);
            comments.add(new Comment(CommentType.ESSENTIAL,
                    "The answer is empty: write out your answer in sentences so it can be scored."));
            return emptyDocument(rubric, pr, flags, comments);
        }

        List<String> allWords = new ArrayList<>();
        int proseWords = 0;
        for (MarkdownSegmenter.Unit u : segmented.units()) {
            if (u.prose() || u.kind() == MarkdownSegmenter.Kind.HEADING) {
                allWords.addAll(analyzer.analyse(u.text()).words());
            }
            if (u.prose()) {
                proseWords += u.words();
            }
        }
        Language.Verdict language = Language.check(allWords);

        // analyse and de-duplicate units; repeated sentences count once
        List<AnswerUnit> units = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        int repeats = 0;
        int fragmentWords = 0;
        int fragments = 0;
        for (MarkdownSegmenter.Unit u : segmented.units()) {
            TermAnalyzer.Analysed a = analyzer.analyse(u.text());
            List<String> key = a.contentStems();
            if (key.isEmpty()) {
                continue;
            }
            if (!seen.add(key)) {
                repeats++;
                continue;
            }
            boolean fragment = isFragment(u, a);
            if (fragment && u.prose()) {
                fragments++;
                fragmentWords += u.words();
            }
            units.add(new AnswerUnit(u, a, new HashSet<>(key), compounds(a), null, 0, fragment));
        }
        units = embed(units, pr);
        if (units.isEmpty()) {
            flags.add(Flags.EMPTY);
            comments.add(new Comment(CommentType.ESSENTIAL,
                    "The answer has no words to score: write out your answer in sentences."));
            return emptyDocument(rubric, pr, flags, comments);
        }

        boolean keywordList = (fragments >= 3 || units.size() == 1 && units.get(0).fragment() && fragments == 1
                && commaParts(units.get(0).unit().text()) >= 4) && proseWords > 0
                && fragmentWords >= 0.6 * proseWords && pr.pointCount >= 2;
        boolean repeated = repeats >= 2 || repeats > 0 && repeats * 3 >= units.size() + repeats;

        // match every point
        List<CriterionScore> criteria = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        double unweighted = 0;
        double bestCosine = 0;
        double bestConcepts = 0;
        int covered = 0;
        for (PreparedRubric.Criterion c : pr.criteria) {
            List<PointResult> results = new ArrayList<>();
            double credit = 0;
            for (PreparedRubric.Point p : c.points()) {
                Match m = bestMatch(p, units);
                double probability = m.probability();
                if (keywordList && m.unit() != null && m.unit().fragment()) {
                    // a bare keyword shows the term, not the understanding: at most partly covered
                    probability = Math.min(probability, 0.5);
                }
                probability = round4(probability);
                Coverage coverage = probability >= 0.65 ? Coverage.COVERED
                        : probability >= 0.35 ? Coverage.PARTIAL : Coverage.MISSING;
                if (coverage == Coverage.COVERED) {
                    covered++;
                }
                credit += probability;
                bestCosine = Math.max(bestCosine, m.cosine());
                bestConcepts = Math.max(bestConcepts, m.concepts());
                String evidence = coverage == Coverage.MISSING || m.evidence() == null ? null : quote(m.evidence());
                results.add(new PointResult(p.point().id(), p.point().text(), coverage, round4(m.cosine()), evidence));
            }
            double mean = c.points().isEmpty() ? 0 : credit / c.points().size();
            int score = (int) Math.round(4 * mean);
            double weight = c.criterion().weight() > 0 ? c.criterion().weight() : 0;
            weighted += weight * mean;
            unweighted += mean;
            weights += weight;
            criteria.add(new CriterionScore(c.criterion().key(), c.criterion().kind(), c.criterion().title(), score,
                    List.copyOf(results), Feedback.forCriterion(c.criterion(), score, results)));
        }
        if (weights == 0) {
            // no usable weights: criteria count equally
            weighted = unweighted;
            weights = Math.max(1, criteria.size());
        }
        int overall = (int) Math.round(100 * weighted / weights);
        double confidence = 0.5 + 0.5 * Math.min(1, Math.abs(overall - PASS_THRESHOLD) / 40.0);

        // hard cases
        int answerWords = allWords.size();
        List<String> answerWordList = new ArrayList<>();
        for (AnswerUnit u : units) {
            answerWordList.addAll(u.analysed().words());
        }
        Set<String> answerStems = new HashSet<>();
        units.forEach(u -> answerStems.addAll(u.stems()));
        Set<String> novel = new HashSet<>(answerStems);
        novel.removeAll(pr.questionStems);
        boolean needsHuman = false;

        if (language.nonEnglish()) {
            flags.add(Flags.NON_ENGLISH);
            comments.add(new Comment(CommentType.ESSENTIAL, "The answer does not seem to be written in English ("
                    + language.reason() + "). The automatic scorer only reads English, so a reviewer will read it."));
            confidence = Math.min(confidence, 0.1);
            needsHuman = true;
        }
        double questionCopy = Shingles.overlap(answerWordList, pr.questionTrigrams, 3);
        if (answerWordList.size() >= 6 && questionCopy >= 0.6 && novel.size() <= Math.max(1, answerStems.size() / 6)) {
            flags.add(Flags.COPIED_QUESTION);
            comments.add(new Comment(CommentType.ESSENTIAL, "The answer mostly repeats the question ("
                    + percent(questionCopy) + " of its word sequences come from it). Restating the question earns "
                    + "no points: answer it in your own words."));
            overall = Math.min(overall, 10);
        }
        double referenceCopy = Shingles.overlap(answerWordList, pr.referenceShingles, 5);
        if (answerWordList.size() >= 20 && referenceCopy >= 0.5) {
            flags.add(Flags.COPIED_REFERENCE);
            comments.add(new Comment(CommentType.ESSENTIAL, "Large parts of the answer are copied from the sample "
                    + "answer (" + percent(referenceCopy) + " of its five-word sequences). A reviewer will check it; "
                    + "write the answer in your own words."));
            confidence = Math.min(confidence, 0.2);
            needsHuman = true;
        }
        if (!flags.contains(Flags.NON_ENGLISH) && !flags.contains(Flags.COPIED_QUESTION)
                && bestCosine < 0.3 && bestConcepts == 0 && covered == 0) {
            flags.add(Flags.OFF_TOPIC);
            comments.add(new Comment(CommentType.ESSENTIAL, "The answer does not address the question: none of its "
                    + "sentences is close to any expected point. Re-read the question and answer what it asks."));
            overall = Math.min(overall, 10);
            confidence = Math.max(confidence, 0.8);
        }
        if (answerWords < 12 && pr.pointCount >= 3) {
            flags.add(Flags.TOO_SHORT);
            comments.add(new Comment(CommentType.ESSENTIAL, "The answer is too short (" + answerWords + " words) to "
                    + "cover the " + pr.pointCount + " points this question expects. Explain each point in a sentence "
                    + "or two."));
            confidence *= 0.8;
        }
        if (keywordList) {
            flags.add(Flags.KEYWORD_LIST);
            comments.add(new Comment(CommentType.ACTIONABLE, "The answer is mostly a list of keywords. Naming a term "
                    + "earns at most partial credit: write sentences that explain what each term means and why it "
                    + "matters here."));
            confidence *= 0.7;
        }
        if (repeated) {
            flags.add(Flags.REPETITION);
            comments.add(new Comment(CommentType.INFORMATIVE, "The answer repeats itself (" + repeats + " repeated "
                    + (repeats == 1 ? "sentence" : "sentences") + "); repeated sentences count once."));
            confidence *= 0.85;
        }
        if (segmented.truncated()) {
            flags.add(Flags.TRUNCATED);
            comments.add(new Comment(CommentType.INFORMATIVE, "The answer is very long; only its first " + MAX_UNITS
                    + " sentences (at most " + MAX_CHARS + " characters) were scored. A focused answer is easier to "
                    + "follow in an interview."));
            confidence *= 0.85;
        }
        confidence = round2(confidence);
        Verdict verdict;
        if (needsHuman || confidence < 0.35) {
            verdict = Verdict.NEEDS_HUMAN;
        } else if (overall >= PASS_FROM) {
            verdict = Verdict.PASS;
        } else if (overall >= BORDERLINE_FROM) {
            verdict = Verdict.BORDERLINE;
        } else {
            verdict = Verdict.FAIL;
        }
        comments.add(Feedback.summary(verdict, overall, covered, pr.pointCount, criteria));
        return new ScoreDocument(overall, confidence, verdict, VERSION, rubric.version(), List.copyOf(criteria),
                List.copyOf(flags), List.copyOf(comments));
    }

    /**
     * For calibration: the features of each point's best-matching unit, in rubric order. Not part of
     * {@link AnswerScorer}.
     */
    public List<PointFeatures> pointFeatures(Rubric rubric, String answerMarkdown) {
        PreparedRubric pr = prepare(rubric);
        List<AnswerUnit> units = new ArrayList<>();
        for (MarkdownSegmenter.Unit u : segmenter.segment(answerMarkdown).units()) {
            TermAnalyzer.Analysed a = analyzer.analyse(u.text());
            if (a.contentStems().isEmpty()) {
                continue;
            }
            units.add(new AnswerUnit(u, a, new HashSet<>(a.contentStems()), compounds(a), null, 0,
                    isFragment(u, a)));
        }
        units = embed(units, pr);
        List<PointFeatures> out = new ArrayList<>();
        for (PreparedRubric.Criterion c : pr.criteria) {
            for (PreparedRubric.Point p : c.points()) {
                Match m = bestMatch(p, units);
                AnswerUnit u = m.unit();
                out.add(new PointFeatures(p.point().id(), m.cosine(), m.concepts(), u == null ? 0 : u.echo(),
                        u == null ? 0 : negationMismatch(p, u)));
            }
        }
        return out;
    }

    /**
     * Embeds the units, one sentence per call. Past {@link #MAX_EMBEDDED_UNITS} (long answers) only the units sharing
     * the most words with the rubric are embedded; the others are matched on concepts alone. This bounds the time
     * per answer, which the sentence model dominates.
     */
    private static List<AnswerUnit> embed(List<AnswerUnit> units, PreparedRubric pr) {
        Set<Integer> chosen = new LinkedHashSet<>();
        if (units.size() <= MAX_EMBEDDED_UNITS) {
            for (int i = 0; i < units.size(); i++) {
                chosen.add(i);
            }
        } else {
            int[] overlap = new int[units.size()];
            for (int i = 0; i < units.size(); i++) {
                for (String stem : units.get(i).stems()) {
                    if (pr.rubricStems.contains(stem)) {
                        overlap[i]++;
                    }
                }
            }
            // first each point's best lexical candidate, then the units sharing most words with the rubric
            for (PreparedRubric.Criterion c : pr.criteria) {
                for (PreparedRubric.Point p : c.points()) {
                    int best = -1;
                    double bestShare = 0;
                    for (int i = 0; i < units.size(); i++) {
                        double share = conceptShare(p, units.get(i), null);
                        if (share > bestShare || share == bestShare && share > 0 && overlap[i] > overlap[best]) {
                            best = i;
                            bestShare = share;
                        }
                    }
                    if (best >= 0 && chosen.size() < MAX_EMBEDDED_UNITS) {
                        chosen.add(best);
                    }
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> overlap[a] != overlap[b] ? Integer.compare(overlap[b], overlap[a])
                    : Integer.compare(a, b));
            for (int i = 0; i < order.size() && chosen.size() < MAX_EMBEDDED_UNITS; i++) {
                chosen.add(order.get(i));
            }
        }
        List<AnswerUnit> out = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            AnswerUnit u = units.get(i);
            if (!chosen.contains(i)) {
                out.add(u);
                continue;
            }
            float[] embedding = SentenceEmbedder.embed(u.unit().text());
            double echo = 0;
            for (float[] q : pr.questionEmbeddings) {
                echo = Math.max(echo, SentenceEmbedder.cosine(embedding, q));
            }
            out.add(new AnswerUnit(u.unit(), u.analysed(), u.stems(), u.compounds(), embedding, round4(echo),
                    u.fragment()));
        }
        return out;
    }

    private Match bestMatch(PreparedRubric.Point p, List<AnswerUnit> units) {
        Match best = new Match(null, null, 0, 0, probability(0, 0, 0, 0));
        double[] cosines = new double[units.size()];
        for (int i = 0; i < units.size(); i++) {
            AnswerUnit u = units.get(i);
            double cos = u.embedding() == null ? 0 : round4(SentenceEmbedder.cosine(p.embedding(), u.embedding()));
            cosines[i] = cos;
            double concepts = conceptShare(p, u, null);
            double probability = probability(cos, concepts, u.echo(), negationMismatch(p, u));
            if (probability > best.probability()) {
                best = new Match(u, u.unit().text(), cos, concepts, probability);
            }
        }
        // a point explained over two adjacent sentences or list items: concepts count over both
        for (int i = 0; i + 1 < units.size(); i++) {
            AnswerUnit a = units.get(i);
            AnswerUnit b = units.get(i + 1);
            double concepts = conceptShare(p, a, b);
            if (concepts <= Math.max(conceptShare(p, a, null), conceptShare(p, b, null))) {
                continue;
            }
            AnswerUnit lead = cosines[i] >= cosines[i + 1] ? a : b;
            double cos = Math.max(cosines[i], cosines[i + 1]);
            double probability = probability(cos, concepts, lead.echo(), negationMismatch(p, lead));
            if (probability > best.probability()) {
                best = new Match(lead, a.unit().text() + " " + b.unit().text(), cos, concepts, probability);
            }
        }
        return best;
    }

    private double probability(double cos, double concepts, double echo, double negation) {
        double z = calibration.bias() + calibration.cosine() * cos + calibration.concepts() * concepts
                + calibration.echo() * echo + calibration.negation() * negation;
        return 1 / (1 + Math.exp(-z));
    }

    private static double negationMismatch(PreparedRubric.Point p, AnswerUnit u) {
        return p.negated() != u.analysed().negated() ? 1 : 0;
    }

    /** Share of the point's concept groups matched in {@code u} (or in {@code u} and {@code next}). */
    private static double conceptShare(PreparedRubric.Point p, AnswerUnit u, AnswerUnit next) {
        if (p.groups().isEmpty()) {
            return 0;
        }
        int matched = 0;
        for (List<PreparedRubric.Term> group : p.groups()) {
            for (PreparedRubric.Term t : group) {
                if (matches(t, u) || next != null && matches(t, next)) {
                    matched++;
                    break;
                }
            }
        }
        return round4((double) matched / p.groups().size());
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
        outer:
        for (int i = 0; i + stems.size() <= content.size(); i++) {
            for (int j = 0; j < stems.size(); j++) {
                if (!content.get(i + j).equals(stems.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private Set<String> compounds(TermAnalyzer.Analysed a) {
        Set<String> out = new HashSet<>();
        List<String> words = a.words();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (a.stems().get(i) != null && a.stems().get(i + 1) != null) {
                String c = analyzer.compound(words.get(i), words.get(i + 1));
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static final Set<String> SENTENCE_WORDS = Set.of("is", "are", "was", "were", "be", "can", "will", "has",
            "have", "does", "do", "it", "that", "which", "because", "when", "if", "to", "the", "a", "an", "by",
            "means", "so", "not", "would", "should");

    /** A keyword or a comma list of keywords rather than a sentence. */
    private static boolean isFragment(MarkdownSegmenter.Unit u, TermAnalyzer.Analysed a) {
        if (!u.prose() && u.kind() != MarkdownSegmenter.Kind.HEADING) {
            return false;
        }
        if (u.kind() == MarkdownSegmenter.Kind.HEADING || u.words() <= 3) {
            return true;
        }
        if (commaParts(u.text()) >= 3) {
            for (String w : a.words()) {
                if (SENTENCE_WORDS.contains(w)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static final java.util.regex.Pattern LIST_SEPARATORS = java.util.regex.Pattern.compile("[,;/]");

    private static int commaParts(String text) {
        String[] parts = LIST_SEPARATORS.split(text);
        for (String part : parts) {
            if (MarkdownSegmenter.countWords(part) > 3) {
                return 0;
            }
        }
        return parts.length;
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

    private ScoreDocument emptyDocument(Rubric rubric, PreparedRubric pr, Set<String> flags, List<Comment> comments) {
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
                List.copyOf(flags), List.copyOf(comments));
    }

    static String quote(String text) {
        String t = text.strip();
        if (t.length() <= EVIDENCE_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', EVIDENCE_CHARS);
        return t.substring(0, cut > EVIDENCE_CHARS / 2 ? cut : EVIDENCE_CHARS) + " …";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
