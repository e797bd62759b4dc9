package io.prepline.question.search;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.catalogue.Slugs;
import io.prepline.question.search.SearchModels.QuestionSummary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * How a question lives in the search index: the row it is read from, and the Lucene document written for it. Text is
 * analysed as the full-text search always was (English: stemmed, stop words dropped) in three fields weighted like
 * the old tsvector: title, then overview and topics, then body and part prompts. Filters are exact terms (the
 * combinations of company, role and round of each report, so one report must match them all), facets and sort keys
 * are doc values, and so are the question as a list shows it (its JSON) and the texts highlights are made from.
 */
final class IndexedQuestions {

    static final String ID = "id";
    /** The id as two numbers (its first and last 64 bits, ordered as the id's text): the tie-break of every order. */
    static final String ID_HIGH = "id_high";
    static final String ID_LOW = "id_low";
    /** Present ("true") only on questions not listed (not active): few, so excluding them is cheap. */
    static final String UNLISTED = "unlisted";
    static final String TITLE = "title";
    static final String MIDDLE = "middle";
    static final String BODY = "body";
    /** Words as written (lower-cased, not stemmed), of the title and of the rest: what a misspelled word is near. */
    static final String TITLE_WORDS = "title_words";
    static final String WORDS = "words";
    /** Every stem of the title, overview, topics and body, without frequencies or positions: matching, not ranking. */
    static final String STEMS = "stems";
    static final String ASK = "ask";
    static final String CATEGORY = "category";
    static final String DIFFICULTY = "difficulty";
    static final String TOPIC = "topic";
    static final String UPDATED = "updated";
    static final String LIKES = "likes";
    static final String SOLVED = "solved";
    static final String SUMMARY = "summary";
    static final String STORED_SLUG = "text_slug";
    static final String STORED_TITLE = "text_title";
    static final String STORED_OVERVIEW = "text_overview";
    static final String STORED_BODY = "text_body";
    static final String ACTIVE = "ACTIVE";
    /** Longest first letters of a title word autocomplete tells apart ({@link TitleCompletions}). */
    static final int MAX_PREFIX = 20;

    /** The text fields searched and their weights (title 1.0, overview and topics 0.4, body 0.2, as ts_rank's A, B, C). */
    static final Map<String, Float> TEXT_FIELDS = Map.of(TITLE, 5f, MIDDLE, 2f, BODY, 1f);
    /** The same for words as written, where misspelled words are looked for (no weight between overview and body). */
    static final Map<String, Float> WORD_FIELDS = Map.of(TITLE_WORDS, 5f, WORDS, 1f);

    /** Columns 1-13: {@link SearchService#SUMMARY_COLUMNS}; then status, body, part titles and prompts, change_seq. */
    static final String COLUMNS = SearchService.SUMMARY_COLUMNS + ", q.status, q.body, "
            + "(SELECT string_agg(coalesce(p ->> 'title', '') || ' ' || coalesce(p ->> 'prompt', ''), ' ') "
            + "FROM jsonb_array_elements(q.parts) p), q.change_seq";

    private static final TypeReference<List<QuestionDocument.Ask>> ASKS = new TypeReference<>() { };
    private static final FieldType STEMS_TYPE = stemsType();

    private IndexedQuestions() {
    }

    /**
     * English for the searched text; lower-cased, ASCII-folded words as written for typos (and autocomplete).
     */
    static Analyzer analyzer() {
        Analyzer words = words();
        return new PerFieldAnalyzerWrapper(english(), Map.of(TITLE_WORDS, words, WORDS, words));
    }

    /** {@link EnglishAnalyzer}'s analysis, as {@link #english(Tokenizer, UnaryOperator)} makes it. */
    private static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, english(tokenizer, UnaryOperator.identity()));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * English, as the searched text is analysed (that of {@link EnglishAnalyzer}: possessives dropped, lower-cased,
     * stop words dropped, stemmed), with {@code beforeStemming} applied just before the stemmer.
     */
    static TokenStream english(Tokenizer source, UnaryOperator<TokenStream> beforeStemming) {
        TokenStream words = new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)),
                EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new PorterStemFilter(beforeStemming.apply(words));
    }

    private static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    private static FieldType stemsType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /**
     * The active questions matching {@code text} (null: all of them): all but the few unlisted ones are excluded rather
     * than the many active ones required, so a query walks the postings of its own terms only (a required term every
     * question has would be walked along). A text that only requires and excludes gives its clauses to this query, and
     * everything is matched only when nothing is required: the form Lucene's rewrite makes of it, built as such, since
     * each of its rewrite's passes walks the whole query again (the rewrite was a twentieth of a search).
     */
    static BooleanQuery.Builder activeOnly(Query text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (text == null) {
            query.add(new MatchAllDocsQuery(), Occur.FILTER);
        } else if (text instanceof BooleanQuery conjunction && conjunction.getMinimumNumberShouldMatch() == 0
                && conjunction.getClauses(Occur.SHOULD).isEmpty()) {
            conjunction.clauses().forEach(query::add);
        } else {
            query.add(text, Occur.MUST);
        }
        return query.add(new TermQuery(new Term(UNLISTED, "true")), Occur.MUST_NOT);
    }

    static Term idTerm(UUID id) {
        return new Term(ID, id.toString());
    }

    /** A question read from its row: the document to index and the change it was read at. */
    record Row(UUID id, long changeSeq, Document document) {
    }

    static Row read(ResultSet rs, SearchService summaries, ObjectMapper json) throws SQLException {
        QuestionSummary summary = summaries.summary(rs, null);
        List<QuestionDocument.Ask> asks = readJson(json, rs.getString(7), ASKS);
        String status = rs.getString(14);
        String body = rs.getString(15);
        String partText = rs.getString(16);
        Document doc = new Document();
        String id = summary.id().toString();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new NumericDocValuesField(ID_HIGH, idOrder(summary.id().getMostSignificantBits())));
        doc.add(new NumericDocValuesField(ID_LOW, idOrder(summary.id().getLeastSignificantBits())));
        if (!ACTIVE.equals(status)) {
            doc.add(new StringField(UNLISTED, "true", Field.Store.NO));
        }
        doc.add(new TextField(TITLE, summary.title(), Field.Store.NO));
        doc.add(new TextField(TITLE_WORDS, summary.title(), Field.Store.NO));
        String middle = summary.overview() + "\n" + String.join("\n", summary.topics());
        String rest = partText == null ? body : body + "\n" + partText;
        doc.add(new TextField(MIDDLE, middle, Field.Store.NO));
        doc.add(new TextField(BODY, rest, Field.Store.NO));
        doc.add(new TextField(WORDS, middle + "\n" + rest, Field.Store.NO));
        for (String text : List.of(summary.title(), middle, rest)) {
            doc.add(new Field(STEMS, text, STEMS_TYPE));
        }
        for (String ask : askTerms(asks)) {
            doc.add(new StringField(ASK, ask, Field.Store.NO));
        }
        addKeyword(doc, CATEGORY, summary.category());
        addKeyword(doc, DIFFICULTY, summary.difficulty().name());
        for (String topic : summary.topics()) {
            addKeyword(doc, TOPIC, topic);
        }
        for (QuestionDocument.Ask ask : asks) {
            facet(doc, Facet.COMPANY, ask.company());
            facet(doc, Facet.ROLE, ask.role());
            facet(doc, Facet.ROUND, ask.round());
        }
        facet(doc, Facet.CATEGORY, summary.category());
        facet(doc, Facet.DIFFICULTY, summary.difficulty().name());
        summary.topics().forEach(topic -> facet(doc, Facet.TOPIC, topic));
        doc.add(new NumericDocValuesField(UPDATED, micros(summary.updatedAt())));
        doc.add(new NumericDocValuesField(LIKES, summary.counters().likes()));
        doc.add(new NumericDocValuesField(SOLVED, summary.counters().solved()));
        // doc values rather than stored fields: a page reads 20 of them, and stored fields decompress a block per read
        doc.add(new BinaryDocValuesField(SUMMARY, new BytesRef(writeJson(json, summary))));
        doc.add(new BinaryDocValuesField(STORED_SLUG, new BytesRef(summary.slug())));
        doc.add(new BinaryDocValuesField(STORED_TITLE, new BytesRef(summary.title())));
        doc.add(new BinaryDocValuesField(STORED_OVERVIEW, new BytesRef(summary.overview())));
        doc.add(new BinaryDocValuesField(STORED_BODY, new BytesRef(body)));
        return new Row(summary.id(), rs.getLong(17), doc);
    }

    /**
     * The values of {@code field} ({@link #SUMMARY}, {@link #STORED_TITLE}, ...) of these documents, in their order.
     * Read segment by segment in document order, one reader of the field per segment, since doc values only move
     * forward: a page costs one look-up of the field per segment, not one per question.
     */
    static BytesRef[] values(IndexSearcher searcher, int[] docs, String field) throws IOException {
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BytesRef[] found = new BytesRef[docs.length];
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : byDoc) {
            int doc = docs[i];
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getBinary(leaf.reader(), field);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("the search index lacks " + field + " of a question");
            }
            found[i] = BytesRef.deepCopyOf(values.binaryValue());
        }
        return found;
    }

    static String[] texts(IndexSearcher searcher, int[] docs, String field) throws IOException {
        BytesRef[] values = values(searcher, docs, field);
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = values[i].utf8ToString();
        }
        return texts;
    }

    /** Half of an id as a number whose signed order is the unsigned order of the bits, as the id's text orders. */
    static long idOrder(long bits) {
        return bits ^ Long.MIN_VALUE;
    }

    static UUID id(long high, long low) {
        return new UUID(idOrder(high), idOrder(low));
    }

    static long micros(Instant time) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }

    /** The filter term of company, role and round as one report must have them (any of them may be absent). */
    static String askTerm(String company, String role, String round) {
        StringBuilder term = new StringBuilder();
        append(term, "company", company);
        append(term, "role", role);
        append(term, "round", round);
        return term.toString();
    }

    private static void append(StringBuilder term, String name, String slug) {
        if (slug != null) {
            term.append(term.isEmpty() ? "" : "|").append(name).append('=').append(slug);
        }
    }

    /** Every combination of company, role and round of each report, so a filter naming some of them matches. */
    private static Set<String> askTerms(List<QuestionDocument.Ask> asks) {
        Set<String> terms = new LinkedHashSet<>();
        for (QuestionDocument.Ask ask : asks) {
            List<String> companies = orNone(Slugs.of(ask.company()));
            List<String> roles = orNone(Slugs.of(ask.role()));
            List<String> rounds = orNone(Slugs.of(ask.round()));
            for (String company : companies) {
                for (String role : roles) {
                    for (String round : rounds) {
                        if (company != null || role != null || round != null) {
                            terms.add(askTerm(company, role, round));
                        }
                    }
                }
            }
        }
        return terms;
    }

    private static List<String> orNone(String slug) {
        List<String> values = new ArrayList<>(2);
        values.add(null);
        if (slug != null) {
            values.add(slug);
        }
        return values;
    }

    private static void addKeyword(Document doc, String field, String name) {
        String slug = Slugs.of(name);
        if (slug != null) {
            doc.add(new StringField(field, slug, Field.Store.NO));
        }
    }

    private static void facet(Document doc, Facet facet, String name) {
        if (name != null && !name.isBlank()) {
            doc.add(new SortedSetDocValuesField(facet.field(), new BytesRef(name)));
        }
    }

    private static <T> T readJson(ObjectMapper json, String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private static byte[] writeJson(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** The facets counted per value (display names, merged by slug when read). */
    enum Facet {
        COMPANY, ROLE, CATEGORY, DIFFICULTY, ROUND, TOPIC;

        String field() {
            return "facet_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
