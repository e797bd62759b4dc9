package io.prepline.question.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.platform.pg.PgListener;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.CatalogueChanges;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.jboss.logging.Logger;

/**
 * The search index of the catalogue this instance keeps in memory (Lucene), from which lists, searches, facets, hubs
 * and suggestions are answered without a query of the database.
 * <p>
 * It is built from the database when this instance starts listening on {@code question_changed} (at start-up, which
 * waits for it, and again after a lost connection, while the old index keeps answering). A trigger notifies the id of
 * every inserted, updated or deleted question on commit (migration V12); each batch of notifications re-reads those
 * rows and replaces their documents. After a change committed on this instance, the rows changed since the last one
 * read ({@code change_seq}) are indexed on the committing thread before caches hear of it, so a writer finds their
 * change in the next list or search. Every applied change moves {@link #generation()} on, which retires cached lists.
 */
@ApplicationScoped
public class CatalogueIndex {

    static final String CHANNEL = "question_changed";
    private static final Logger LOG = Logger.getLogger(CatalogueIndex.class);
    private static final int BATCH = 1000;

    @Inject
    DataSource dataSource;
    @Inject
    QuestionConfig config;
    @Inject
    CatalogueChanges changes;
    @Inject
    ObjectMapper json;
    @Inject
    SearchService summaries;

    /** A built index: its writer, searchers over what it holds, and its facet columns. */
    private record Index(IndexWriter writer, SearcherManager searchers, FacetCounter facets) {
    }

    /** Reads the index; runs while a searcher is held. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(IndexSearcher searcher, FacetCounter facets) throws IOException;
    }

    private final Analyzer analyzer = IndexedQuestions.analyzer();
    private final TitleCompletions completions = new TitleCompletions(analyzer);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().daemon().name("catalogue-index").unstarted(runnable));
    private final CompletableFuture<Void> built = new CompletableFuture<>();
    private final AtomicLong generation = new AtomicLong();
    private final Object writing = new Object();
    private volatile Index index;
    private volatile boolean listening;
    private long indexedSeq; // guarded by writing
    private PgListener listener;

    /** After the schema exists and before the seed loads (its writes are indexed like any other). */
    void start(@Observes @Priority(10) StartupEvent event) {
        changes.onCommitted(this::catchUp);
        listen();
    }

    void stop(@Observes ShutdownEvent event) {
        close();
    }

    /** Listens for changes and builds the index; returns once it is built. */
    void listen() {
        listener = new PgListener(CHANNEL, dataSource::getConnection,
                config.changes().listener(),
                new PgListener.Handler() {
                    @Override
                    public void listening() {
                        worker.execute(CatalogueIndex.this::rebuild);
                    }

                    @Override
                    public void notified(List<String> payloads) {
                        worker.execute(() -> apply(payloads));
                    }

                    @Override
                    public void lost(Exception cause) {
                        listening = false;
                        LOG.warnf("not listening for question changes; the search index answers with what it holds and "
                                + "is rebuilt when listening again: %s", cause.getMessage());
                    }
                });
        listener.start();
        try {
            built.get(config.search().buildTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the search index", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the search index could not be built", e);
        }
    }

    void close() {
        if (listener != null) {
            listener.stop();
        }
        worker.shutdownNow();
    }

    /** Moves on with every change the index applies. */
    public long generation() {
        return generation.get();
    }

    /** Whether changes made elsewhere reach the index now; while not, results are not cached. */
    public boolean listening() {
        return listening;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Autocomplete's questions, kept with the index's segments. */
    TitleCompletions completions() {
        return completions;
    }

    /** Runs {@code reader} on the newest searcher. */
    <T> T read(Reader<T> reader) {
        while (true) {
            Index current = index;
            IndexSearcher searcher;
            try {
                searcher = current.searchers.acquire();
            } catch (AlreadyClosedException replaced) {
                continue; // rebuilt meanwhile: read the new one
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return reader.read(searcher, current.facets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                release(current, searcher);
            }
        }
    }

    private static void release(Index index, IndexSearcher searcher) {
        try {
            index.searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole catalogue into a new index, which then replaces the one answering. */
    private void rebuild() {
        try {
            long started = System.nanoTime();
            IndexWriterConfig settings = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64)
                    .setMergedSegmentWarmer(completions::warm);
            IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new, CatalogueIndex::offHeap), settings);
            long[] last = {0};
            int count = read("SELECT " + IndexedQuestions.COLUMNS + " FROM question q", List.of(), row -> {
                writer.addDocument(row.document());
                last[0] = Math.max(last[0], row.changeSeq());
            });
            Index fresh = new Index(writer, new SearcherManager(writer, completions.searcherFactory()), new FacetCounter());
            synchronized (writing) {
                Index old = index;
                index = fresh;
                indexedSeq = last[0];
                catchUpLocked();
                close(old);
            }
            listening = true;
            generation.incrementAndGet();
            built.complete(null);
            LOG.infof("search index of %d questions built in %d ms; autocomplete's questions hold %d KB", count,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), completions.ramBytesUsed() / 1024);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "the search index could not be built; retried when listening again");
            if (!built.isDone() && index == null) {
                built.completeExceptionally(e);
            }
        }
    }

    /**
     * A written file as it is read: in one buffer (reading a value slices one buffer, not a list of many small ones),
     * outside the heap, so that the garbage collector neither copies nor marks the index, only what requests make;
     * read through {@link OffHeapInput}, which reads a number at once.
     */
    private static IndexInput offHeap(String file, ByteBuffersDataOutput written) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(written.size()));
        written.toBufferList().forEach(buffer::put);
        buffer.flip();
        return new OffHeapInput("off-heap buffer (file=" + file + ")", buffer);
    }

    /** Re-reads the questions named by a batch of notifications (an empty one: everything). */
    private void apply(List<String> payloads) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String payload : payloads) {
            if (payload == null || payload.isEmpty()) {
                rebuild();
                return;
            }
            ids.add(UUID.fromString(payload));
        }
        if (index == null) {
            return; // the rebuild that comes first reads them
        }
        List<UUID> all = new ArrayList<>(ids);
        try {
            synchronized (writing) {
                for (int from = 0; from < all.size(); from += BATCH) {
                    List<UUID> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                    Set<UUID> missing = new HashSet<>(batch);
                    read("SELECT " + IndexedQuestions.COLUMNS + " FROM question q WHERE q.id = ANY (?)",
                            List.of((Object) batch.toArray(UUID[]::new)), row -> {
                                missing.remove(row.id());
                                index.writer.updateDocument(IndexedQuestions.idTerm(row.id()), row.document());
                            });
                    for (UUID gone : missing) {
                        index.writer.deleteDocuments(IndexedQuestions.idTerm(gone));
                    }
                }
                refresh();
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "could not index changed questions; rebuilding the index");
            rebuild();
        }
    }

    /** After a commit on this instance: the rows changed since the last one indexed, before caches hear of it. */
    private void catchUp() {
        if (index == null) {
            return;
        }
        synchronized (writing) {
            try {
                catchUpLocked();
            } catch (IOException | RuntimeException e) {
                // committed already: its notification brings it into the index
                LOG.warnf("could not index the change just committed, its notification will: %s", e.getMessage());
            }
        }
    }

    private void catchUpLocked() throws IOException {
        long[] last = {indexedSeq};
        int count = read("SELECT " + IndexedQuestions.COLUMNS + " FROM question q WHERE q.change_seq > ? "
                + "ORDER BY q.change_seq", List.of(indexedSeq), row -> {
                    index.writer.updateDocument(IndexedQuestions.idTerm(row.id()), row.document());
                    last[0] = Math.max(last[0], row.changeSeq());
                });
        indexedSeq = last[0];
        if (count > 0) {
            refresh();
        }
    }

    private void refresh() throws IOException {
        index.searchers.maybeRefreshBlocking();
        generation.incrementAndGet();
    }

    private static void close(Index old) {
        if (old == null) {
            return;
        }
        try {
            old.searchers.close();
            old.writer.rollback();
        } catch (IOException e) {
            LOG.warnf("closing the replaced search index: %s", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(IndexedQuestions.Row row) throws IOException;
    }

    /** Streams the rows of a query of questions (cursor-wise: a rebuild reads the whole catalogue). */
    private int read(String sql, List<Object> params, RowHandler handler) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(500);
                SearchService.bind(c, ps, params);
                int count = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(IndexedQuestions.read(rs, summaries, json));
                        count++;
                    }
                }
                return count;
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading questions to index failed: " + e.getMessage(), e);
        }
    }
}
