package io.prepline.question.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import io.prepline.question.search.SearchModels.SuggestedQuestion;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Autocomplete's questions over a Lucene index of a few segments, as the search index holds them. */
class TitleCompletionsTest {

    private final TitleCompletions completions = new TitleCompletions(IndexedQuestions.analyzer());
    private IndexWriter writer;
    private SearcherManager searchers;

    @BeforeEach
    void open() throws IOException {
        // each refresh below adds a segment, as changes do
        writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(IndexedQuestions.analyzer())
                .setMergedSegmentWarmer(completions::warm));
        searchers = new SearcherManager(writer, completions.searcherFactory());
    }

    @AfterEach
    void close() throws IOException {
        searchers.close();
        writer.close();
    }

    private void add(String slug, String title, boolean listed) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(IndexedQuestions.ID, slug, Field.Store.NO));
        if (!listed) {
            doc.add(new StringField(IndexedQuestions.UNLISTED, "true", Field.Store.NO));
        }
        doc.add(new BinaryDocValuesField(IndexedQuestions.STORED_SLUG, new BytesRef(slug)));
        doc.add(new BinaryDocValuesField(IndexedQuestions.STORED_TITLE, new BytesRef(title)));
        writer.updateDocument(new Term(IndexedQuestions.ID, slug), doc);
    }

    private void add(String slug, String title) throws IOException {
        add(slug, title, true);
    }

    private List<String> complete(String... words) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            List<String> prefixes = Arrays.stream(words).map(completions::prefix).toList();
            return completions.complete(searcher, prefixes, 3).stream().map(SuggestedQuestion::slug).toList();
        } finally {
            searchers.release(searcher);
        }
    }

    @Test
    void oneWordIsTheFirstOfItsListShortestTitleFirstThenBySlugAcrossSegments() throws IOException {
        add("long", "Explain model pruning and its applications in production");
        add("b-short", "Model pruning");
        searchers.maybeRefreshBlocking();
        add("a-short", "Pruned models");
        add("middle", "Why prune a model at all");
        add("other", "Explain gradient boosting");

        assertEquals(List.of("a-short", "b-short", "middle"), complete("prun"));
        assertEquals(List.of("a-short", "b-short", "middle"), complete("mod"), "every word of the title counts");
        assertEquals(List.of("other", "long"), complete("EXPL"), "case does not matter");
        assertEquals(List.of(), complete("prunes"));
        assertEquals(List.of(), complete("xyz"));
    }

    @Test
    void severalWordsMustEachStartAWordOfTheTitle() throws IOException {
        for (int i = 0; i < 40; i++) {
            add("model-" + i, "Model number " + i + (i % 10 == 7 ? " with pruning" : ""));
        }
        add("evaluation", "Évaluation of a pruned model");
        searchers.maybeRefreshBlocking();
        add("bias", "Model bias");

        assertEquals(List.of("model-7", "model-17", "model-27"), complete("mod", "pru", "wi"));
        assertEquals(List.of("evaluation"), complete("ev", "pru"), "accents folded as the index folds them");
        assertEquals(List.of("evaluation"), complete("évaluation", "model"));
        assertEquals(List.of(), complete("mod", "bias", "pru"));
        assertEquals(List.of("bias"), complete("model", "b"));
    }

    @Test
    void unlistedChangedAndDeletedQuestionsAreLeftOut() throws IOException {
        add("retired", "Drift", false);
        add("changed", "Drift detection");
        add("deleted", "Drift monitoring");
        add("kept", "Drift in production");
        assertEquals(List.of("changed", "deleted", "kept"), complete("drift"));

        add("changed", "Concept drift detection, retitled");
        writer.deleteDocuments(new Term(IndexedQuestions.ID, "deleted"));
        assertEquals(List.of("kept", "changed"), complete("drift"));
        assertEquals(List.of("changed"), complete("concept"));
    }

    @Test
    void longWordsAreToldApartByTheirFirstTwentyLetters() throws IOException {
        add("long", "Supercalifragilisticexpialidocious models");
        assertEquals(List.of("long"), complete("supercalifragilisticexpialidocious"));
        assertEquals(List.of("long"), complete("supercalifragilisticXXXXX"), "only the first twenty letters count");
    }

    @Test
    void segmentsMergedAwayAreDropped() throws IOException {
        for (int i = 0; i < 5; i++) {
            add("q" + i, "Ranking question " + i);
            searchers.maybeRefreshBlocking();
        }
        long separate = completions.ramBytesUsed();
        writer.forceMerge(1);
        assertEquals(List.of("q0", "q1", "q2"), complete("rank"));
        assertTrue(completions.ramBytesUsed() < separate, "one segment's completions, the five merged ones dropped");
    }
}
