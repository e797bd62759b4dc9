package io.prepline.review.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene English analysis for concept matching: words are spelling-normalised (British to American endings), then
 * stemmed by {@link EnglishAnalyzer}. Negations are kept, because EnglishAnalyzer's default stop set drops "not" and
 * "no" and "is connected" would then match "is not connected".
 */
final class TermAnalyzer {

    static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "none", "neither", "nor");

    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(64, true);
        for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            String word = w instanceof char[] chars ? new String(chars) : w.toString();
            if (!NEGATIONS.contains(word)) {
                stop.add(word);
            }
        }
        // frequent function words that the default set keeps but carry no rubric meaning
        for (String w : List.of("can", "could", "would", "should", "will", "does", "do", "did", "has", "have", "had",
                "its", "it's", "which", "what", "when", "where", "who", "how", "why", "also", "so", "than", "very",
                "i", "you", "we", "our", "your", "my", "me", "us", "from", "because", "been", "being", "am", "were",
                "him", "her", "his", "she", "he", "them", "those", "these", "about", "more", "most", "some", "any",
                "all", "each", "other", "only", "just", "may", "might", "must", "one", "two", "get", "gets")) {
            stop.add(w);
        }
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’]\\p{L}+)?");
    private static final int CACHE_LIMIT = 200_000;

    // EnglishAnalyzer is thread-safe: it reuses token streams per thread.
    private final EnglishAnalyzer analyzer = new EnglishAnalyzer(STOP_WORDS);
    private final ConcurrentHashMap<String, String> stems = new ConcurrentHashMap<>();

    /** The analysed form of a text: the raw lower-case words and, aligned with them, their stems (null = stop word). */
    record Analysed(List<String> words, List<String> stems, List<String> content) {

        /** Stems without stop words, in order. */
        List<String> contentStems() {
            return content;
        }

        Set<String> stemSet() {
            return new HashSet<>(contentStems());
        }

        boolean negated() {
            for (String w : words) {
                if (NEGATIONS.contains(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    Analysed analyse(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group().replace('’', '\'');
            if (w.endsWith("n't")) {
                String head = w.substring(0, w.length() - 3);
                words.add(head.equals("wo") ? "will" : head.equals("ca") ? "can" : head);
                words.add("not");
            } else if (w.equals("cannot")) {
                words.add("can");
                words.add("not");
            } else {
                words.add(w);
            }
        }
        List<String> stemmed = new ArrayList<>(words.size());
        for (String w : words) {
            stemmed.add(stem(w));
        }
        List<String> content = new ArrayList<>(stemmed.size());
        for (String stem : stemmed) {
            if (stem != null) {
                content.add(stem);
            }
        }
        return new Analysed(List.copyOf(words), java.util.Collections.unmodifiableList(stemmed),
                java.util.Collections.unmodifiableList(content));
    }

    /** The stem of one word, or null for a stop word. */
    String stem(String word) {
        String cached = stems.get(word);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String result = analyseWord(normaliseSpelling(word));
        if (stems.size() > CACHE_LIMIT) {
            stems.clear();
        }
        stems.put(word, result == null ? "" : result);
        return result;
    }

    /** Stem of two adjacent words written as one ("fine tuning" / "fine-tuning" / "finetuning"). */
    String compound(String first, String second) {
        return stem(first + second);
    }

    private String analyseWord(String word) {
        try (TokenStream ts = analyzer.tokenStream("t", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            StringBuilder sb = new StringBuilder();
            while (ts.incrementToken()) {
                sb.append(term);
            }
            ts.end();
            return sb.isEmpty() ? null : sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int MAX_WORD = 40;
    private static final Pattern BRITISH_ISE = Pattern.compile("(\\p{L}{3,})is(e|es|ed|ing|er|ers|ation|ations)$");
    private static final Pattern BRITISH_YSE = Pattern.compile("(\\p{L}{2,})ys(e|es|ed|ing|er|ers)$");
    private static final Pattern BRITISH_OUR = Pattern.compile("(\\p{L}{3,})our(s|ed|ing|ite|ites|able)?$");
    private static final Pattern BRITISH_TRE = Pattern.compile("(\\p{L}{2,}[^aeiou])tre(s)?$");

    /** Latin and Greek plurals the stemmer leaves apart from their singulars. */
    private static final java.util.Map<String, String> IRREGULAR_PLURALS = java.util.Map.ofEntries(
            java.util.Map.entry("criteria", "criterion"), java.util.Map.entry("phenomena", "phenomenon"),
            java.util.Map.entry("matrices", "matrix"), java.util.Map.entry("indices", "index"),
            java.util.Map.entry("vertices", "vertex"), java.util.Map.entry("analyses", "analysis"),
            java.util.Map.entry("hypotheses", "hypothesis"), java.util.Map.entry("axes", "axis"),
            java.util.Map.entry("appendices", "appendix"), java.util.Map.entry("theses", "thesis"));

    /**
     * British to American endings and irregular plurals to their singular, applied to rubric and answer alike so
     * either form matches the other.
     */
    static String normaliseSpelling(String word) {
        String singular = IRREGULAR_PLURALS.get(word);
        if (singular != null) {
            return singular;
        }
        // no English word is longer: longer ones are left alone, which also bounds the regular expressions' work
        if (word.length() < 6 || word.length() > MAX_WORD) {
            return word;
        }
        String w = BRITISH_ISE.matcher(word).replaceFirst("$1iz$2");
        w = BRITISH_YSE.matcher(w).replaceFirst("$1yz$2");
        w = BRITISH_OUR.matcher(w).replaceFirst("$1or$2");
        return BRITISH_TRE.matcher(w).replaceFirst("$1ter$2");
    }
}
