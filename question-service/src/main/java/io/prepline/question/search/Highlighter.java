package io.prepline.question.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.prepline.question.search.SearchModels.Highlights;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Marks the words of a result that matched the search: the whole title, and a snippet of the body (or the overview)
 * around the densest run of matches. HTML: the text is escaped and each match is wrapped in {@code <mark>}.
 */
final class Highlighter {

    private record Match(int start, int end) {
    }

    /** Characters of a body looked at for a snippet. */
    private static final int MAX_ANALYSED = 4000;
    /** The analysis of a text as the index analyses it: one per thread, reused by every highlighter on it. */
    private static final ThreadLocal<Analysis> ANALYSIS = ThreadLocal.withInitial(Analysis::new);

    /** Stems that matched, and words as written that matched (the words a typo was near). */
    private final CharArraySet stems;
    private final Set<String> words;
    /** The first letters of the stems that matched: a stem keeps the first letter of its word. */
    private final Set<Character> initials;
    private final int snippetLength;

    /** {@code query} must be rewritten, so that typo-tolerant words name the words they matched. */
    Highlighter(Query query, int snippetLength) {
        this.snippetLength = snippetLength;
        Set<Term> matched = new HashSet<>();
        query.visit(QueryVisitor.termCollector(matched));
        this.stems = new CharArraySet(matched.size(), false);
        this.words = new HashSet<>();
        this.initials = new HashSet<>();
        for (Term term : matched) {
            if (IndexedQuestions.TEXT_FIELDS.containsKey(term.field())) {
                stems.add(term.text());
                initials.add(term.text().charAt(0));
            } else if (IndexedQuestions.WORD_FIELDS.containsKey(term.field())) {
                words.add(term.text());
            }
        }
    }

    private static final class Analysis {
        private final Tokenizer source = new StandardTokenizer();
        private final TokenStream analysed;
        private final CharTermAttribute term;
        private final OffsetAttribute offset;
        /** The first letters of the stems of the highlighter analysing. */
        private Set<Character> initials = Set.of();

        Analysis() {
            // stemming was most of the cost: a word that cannot stem to a matched stem is left as it is
            analysed = IndexedQuestions.english(source, OtherInitial::new);
            term = analysed.addAttribute(CharTermAttribute.class);
            offset = analysed.addAttribute(OffsetAttribute.class);
        }

        /** Marks words with another first letter than any matched stem as keywords, which the stemmer leaves alone. */
        private final class OtherInitial extends TokenFilter {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

            OtherInitial(TokenStream input) {
                super(input);
            }

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) {
                    return false;
                }
                if (term.length() == 0 || !initials.contains(term.charAt(0))) {
                    keyword.setKeyword(true);
                }
                return true;
            }
        }
    }

    Highlights highlight(String title, String overview, String body) {
        String snippet = snippet(body);
        if (snippet == null) {
            snippet = snippet(overview);
        }
        return new Highlights(marked(title, matches(title), 0, title.length()), snippet);
    }

    private String snippet(String whole) {
        if (whole == null || whole.isEmpty()) {
            return null;
        }
        // the snippet comes from the beginning: a long body is not analysed to its end
        String text = whole.length() > MAX_ANALYSED ? whole.substring(0, MAX_ANALYSED) : whole;
        List<Match> matches = matches(text);
        if (matches.isEmpty()) {
            return null;
        }
        // the window of snippetLength characters that holds the most matches, starting a little before its first
        int best = 0;
        int bestCount = 0;
        for (int i = 0, j = 0; i < matches.size(); i++) {
            while (j < matches.size() && matches.get(j).end() <= matches.get(i).start() + snippetLength) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = i;
            }
        }
        int start = wordStart(text, Math.max(0, matches.get(best).start() - snippetLength / 6));
        int end = Math.min(text.length(), start + snippetLength);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > matches.get(best).end() ? space : end;
        }
        String marked = marked(text, matches, start, end);
        return (start > 0 ? "…" : "") + marked + (end < whole.length() ? "…" : "");
    }

    private static int wordStart(String text, int at) {
        if (at == 0) {
            return 0;
        }
        int space = text.indexOf(' ', at);
        return space < 0 ? at : space + 1;
    }

    private List<Match> matches(String text) {
        List<Match> matches = new ArrayList<>();
        Analysis analysis = ANALYSIS.get();
        analysis.initials = initials;
        analysis.source.setReader(new StringReader(text));
        CharTermAttribute term = analysis.term;
        OffsetAttribute offset = analysis.offset;
        try (TokenStream stream = analysis.analysed) {
            stream.reset();
            while (stream.incrementToken()) {
                if (stems.contains(term.buffer(), 0, term.length()) || !words.isEmpty()
                        && words.contains(text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT))) {
                    matches.add(new Match(offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches;
    }

    private static String marked(String text, List<Match> matches, int start, int end) {
        StringBuilder html = new StringBuilder(end - start + 32);
        int at = start;
        for (Match match : matches) {
            if (match.start() < start || match.end() > end) {
                continue;
            }
            escape(html, text, at, match.start());
            html.append("<mark>");
            escape(html, text, match.start(), match.end());
            html.append("</mark>");
            at = match.end();
        }
        escape(html, text, at, end);
        return html.toString();
    }

    private static void escape(StringBuilder html, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
