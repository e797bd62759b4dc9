package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rubric made ready for matching: point embeddings, analysed concept groups and the question's and sample answer's
 * words. Built once per rubric version and cached, so answers only pay for their own sentences.
 */
final class PreparedRubric {

    /** A concept term: its stems in order, and the stem of its words written as one (or null for single words). */
    record Term(List<String> stems, String compound) {
    }

    /**
     * @param embedding    the point's sentence vector
     * @param tokens       vectors of the point's content words, leaving out words the question already contains
     * @param groups       concept groups: authored, or one per content word the question does not give away
     * @param telling      the authored groups that the question does not give away (some term is not a question
     *                     word); empty for a point without authored groups
     */
    record Point(Rubric.Point point, float[] embedding, float[][] tokens, List<List<Term>> groups,
                 List<List<Term>> telling, boolean negated) {
    }

    record Criterion(Rubric.Criterion criterion, List<Point> points) {
    }

    final List<Criterion> criteria;
    final Set<String> questionStems;
    final List<float[]> questionEmbeddings;
    final Set<String> questionTrigrams;
    final Set<String> referenceShingles;
    final int pointCount;

    PreparedRubric(Rubric rubric, TermAnalyzer analyzer, MarkdownSegmenter segmenter) {
        List<MarkdownSegmenter.Unit> questionUnits = segmenter.segment(rubric.questionText()).units();
        this.questionStems = new HashSet<>();
        this.questionEmbeddings = new ArrayList<>();
        List<String> questionWords = new ArrayList<>();
        for (MarkdownSegmenter.Unit u : questionUnits) {
            TermAnalyzer.Analysed a = analyzer.analyse(u.text());
            questionStems.addAll(a.contentStems());
            questionWords.addAll(a.words());
            if (questionEmbeddings.size() < 12) {
                questionEmbeddings.add(SentenceModel.get().encode(u.text()).sentence());
            }
        }
        this.questionTrigrams = Shingles.of(questionWords, 3);
        List<String> referenceWords = new ArrayList<>();
        for (MarkdownSegmenter.Unit u : segmenter.segment(rubric.referenceAnswer()).units()) {
            referenceWords.addAll(analyzer.analyse(u.text()).words());
        }
        this.referenceShingles = Shingles.of(referenceWords, 5);

        List<Criterion> prepared = new ArrayList<>();
        int count = 0;
        for (Rubric.Criterion c : rubric.criteria()) {
            List<Point> points = new ArrayList<>();
            for (Rubric.Point p : c.points()) {
                TermAnalyzer.Analysed text = analyzer.analyse(p.text());
                List<List<Term>> groups = new ArrayList<>();
                List<List<Term>> telling = new ArrayList<>();
                if (p.concepts() != null && !p.concepts().isEmpty()) {
                    for (List<String> group : p.concepts()) {
                        List<Term> terms = new ArrayList<>();
                        for (String term : group) {
                            Term t = term(term, analyzer);
                            if (t != null) {
                                terms.add(t);
                            }
                        }
                        if (!terms.isEmpty()) {
                            groups.add(terms);
                            if (terms.stream().anyMatch(t -> !questionStems.containsAll(t.stems()))) {
                                telling.add(terms);
                            }
                        }
                    }
                } else {
                    groups.addAll(derivedGroups(text, questionStems));
                }
                SentenceModel.Encoded encoded = SentenceModel.get().encode(p.text());
                points.add(new Point(p, encoded.sentence(), TokenVectors.content(encoded, analyzer, questionStems),
                        List.copyOf(groups), List.copyOf(telling), text.negated()));
                count++;
            }
            prepared.add(new Criterion(c, List.copyOf(points)));
        }
        this.criteria = List.copyOf(prepared);
        this.pointCount = count;
    }

    /**
     * Without authored concept groups, each content word of the point that the question does not already give away
     * becomes a group of its own (answers echo the question's words whether they understood it or not).
     */
    private static List<List<Term>> derivedGroups(TermAnalyzer.Analysed text, Set<String> questionStems) {
        Set<String> own = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        for (String s : text.contentStems()) {
            all.add(s);
            if (!questionStems.contains(s)) {
                own.add(s);
            }
        }
        Set<String> chosen = own.isEmpty() ? all : own;
        List<List<Term>> groups = new ArrayList<>();
        for (String s : chosen) {
            groups.add(List.of(new Term(List.of(s), null)));
        }
        return groups;
    }

    private static Term term(String text, TermAnalyzer analyzer) {
        TermAnalyzer.Analysed a = analyzer.analyse(text);
        List<String> stems = a.contentStems();
        if (stems.isEmpty()) {
            return null;
        }
        String compound = null;
        if (a.words().size() >= 2) {
            compound = analyzer.stem(String.join("", a.words()));
        }
        return new Term(List.copyOf(stems), compound);
    }
}
