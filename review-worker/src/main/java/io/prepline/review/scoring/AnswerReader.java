package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first phase of scoring: markdown to units, each analysed (words, stems, negation), repeats dropped, and every
 * unit read by the sentence model. Only two kinds of unit may skip the model, both flagged: bare keywords past the
 * first {@value #KEYWORDS_READ} of an answer that is a keyword list (matched on concepts alone, at most partly
 * covered) and every unit of an answer that is not in English (a reviewer reads it).
 */
final class AnswerReader {

    /**
     * An answer as read.
     *
     * @param words       every word of its prose and headings, for the language check and copy detection
     * @param proseWords  words in sentences, list items and table rows
     * @param repeats     units dropped because an earlier unit had the same stems
     */
    record Read(List<AnswerUnit> units, List<String> words, int proseWords, int repeats, boolean keywordList,
                Language.Verdict language, boolean truncated) {

        boolean repetitive() {
            return repeats >= 2 || repeats > 0 && repeats * 3 >= units.size() + repeats;
        }
    }

    private static final Set<String> SENTENCE_WORDS = Set.of("is", "are", "was", "were", "be", "can", "will", "has",
            "have", "does", "do", "it", "that", "which", "because", "when", "if", "to", "the", "a", "an", "by",
            "means", "so", "not", "would", "should");
    static final int KEYWORDS_READ = 100;
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,;/]");

    private final TermAnalyzer analyzer;
    private final MarkdownSegmenter segmenter;

    AnswerReader(TermAnalyzer analyzer, MarkdownSegmenter segmenter) {
        this.analyzer = analyzer;
        this.segmenter = segmenter;
    }

    Read read(String markdown, PreparedRubric rubric) {
        MarkdownSegmenter.Segmented segmented = segmenter.segment(markdown);
        List<String> words = new ArrayList<>();
        int proseWords = 0;
        List<AnswerUnit> units = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        int repeats = 0;
        int fragments = 0;
        int fragmentWords = 0;
        for (MarkdownSegmenter.Unit u : segmented.units()) {
            TermAnalyzer.Analysed a = analyzer.analyse(u.text());
            if (u.prose() || u.kind() == MarkdownSegmenter.Kind.HEADING) {
                words.addAll(a.words());
            }
            if (u.prose()) {
                proseWords += u.words();
            }
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
            units.add(new AnswerUnit(u, a, new HashSet<>(key), compounds(a), null, null, 0, fragment));
        }
        boolean keywordList = (fragments >= 3 || units.size() == 1 && units.get(0).fragment() && fragments == 1
                && commaParts(units.get(0).text()) >= 4) && proseWords > 0
                && fragmentWords >= 0.6 * proseWords && rubric.pointCount >= 2;
        Language.Verdict language = Language.check(words);
        if (!language.nonEnglish()) {
            units = readByModel(units, rubric, keywordList);
        }
        return new Read(List.copyOf(units), List.copyOf(words), proseWords, repeats, keywordList, language,
                segmented.truncated());
    }

    /**
     * Every unit through the sentence model; of a keyword list's bare keywords only the first
     * {@value #KEYWORDS_READ} (they earn at most partial credit anyway, and thousands of one-word lines must not cost
     * seconds).
     */
    private List<AnswerUnit> readByModel(List<AnswerUnit> units, PreparedRubric rubric, boolean keywordList) {
        List<AnswerUnit> read = new ArrayList<>(units.size());
        int keywords = 0;
        for (AnswerUnit u : units) {
            if (!(keywordList && u.fragment() && ++keywords > KEYWORDS_READ)) {
                read.add(u);
            }
        }
        Map<String, SentenceModel.Encoded> vectors = SentenceModel.get()
                .encodeTogether(read.stream().map(AnswerUnit::text).toList());
        List<AnswerUnit> out = new ArrayList<>(units.size());
        for (AnswerUnit u : units) {
            SentenceModel.Encoded encoded = vectors.get(u.text());
            if (encoded == null) {
                out.add(u);
                continue;
            }
            double echo = 0;
            for (float[] q : rubric.questionEmbeddings) {
                echo = Math.max(echo, SentenceModel.cosine(encoded.sentence(), q));
            }
            out.add(new AnswerUnit(u.unit(), u.analysed(), u.stems(), u.compounds(), encoded,
                    TokenVectors.content(encoded, analyzer, Set.of()), RubricScorer.round4(echo), u.fragment()));
        }
        return out;
    }

    private Set<String> compounds(TermAnalyzer.Analysed a) {
        Set<String> out = new HashSet<>();
        List<String> w = a.words();
        for (int i = 0; i + 1 < w.size(); i++) {
            if (a.stems().get(i) != null && a.stems().get(i + 1) != null) {
                String c = analyzer.compound(w.get(i), w.get(i + 1));
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

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

    private static int commaParts(String text) {
        String[] parts = LIST_SEPARATORS.split(text);
        for (String part : parts) {
            if (MarkdownSegmenter.countWords(part) > 3) {
                return 0;
            }
        }
        return parts.length;
    }
}
