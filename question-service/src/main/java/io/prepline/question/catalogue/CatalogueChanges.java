package io.prepline.question.catalogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.prepline.platform.pg.AfterCommit;
import io.prepline.platform.pg.PgListener;
import io.prepline.question.QuestionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * Knows when the catalogue last changed, on any instance, so cached pages and lists are exact rather than timed.
 * <p>
 * A trigger on {@code question} sends a PostgreSQL notification, delivered on commit: the slug when only the counters
 * of that question changed (likes, solved), nothing for any other change. One connection per instance listens.
 * Any change moves {@link #generation()} on; a content change also moves {@link #contentGeneration()} on. Writes on
 * this instance are also announced right after their commit, so a writer reads their own change at once. While nobody
 * listens (start-up, a lost connection, the database unreachable) nothing new is cached, but what is cached is still
 * served: during an outage of the database a page that was current when it began is better than a 503. Listening
 * again counts as a change of everything, so nothing cached from before survives it.
 */
@ApplicationScoped
public class CatalogueChanges {

    static final String CHANNEL = "catalogue_changed";
    private static final Logger LOG = Logger.getLogger(CatalogueChanges.class);

    @Inject
    DataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    QuestionConfig config;

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong contentGeneration = new AtomicLong();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> committed = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private PgListener listener;

    void start(@Observes StartupEvent event) {
        listener = new PgListener(CHANNEL, dataSource::getConnection,
                config.changes().listener(),
                new PgListener.Handler() {
                    @Override
                    public void listening() {
                        changed(null); // anything may have changed while nobody was listening
                        listening = true;
                    }

                    @Override
                    public void notified(List<String> payloads) {
                        announce(payloads);
                    }

                    @Override
                    public void lost(Exception cause) {
                        listening = false;
                        LOG.warnf("not listening for catalogue changes, caches serve what they hold and store nothing "
                                + "new until it reconnects: %s", cause.getMessage());
                    }
                });
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.stop();
        }
    }

    /** Moves on with every change. */
    public long generation() {
        return generation.get();
    }

    /** Moves on with every change except one of counters only. */
    public long contentGeneration() {
        return contentGeneration.get();
    }

    /** Whether changes made elsewhere are heard now; while not, caches keep what they hold and store nothing new. */
    public boolean listening() {
        return listening;
    }

    /** Runs after every change with the slug whose counters alone changed, or null after any other change. */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * Runs on the committing thread after every change committed on this instance, before the change is announced:
     * what caches are recomputed from (the search index) must hold the change before they are retired.
     */
    public void onCommitted(Runnable action) {
        committed.add(action);
    }

    /** Announces a change of content once the current transaction commits. */
    public void changedOnCommit() {
        onCommit(null);
    }

    /** Announces a change of the counters of one question once the current transaction commits. */
    public void countersChangedOnCommit(String slug) {
        onCommit(slug);
    }

    private void onCommit(String countersOf) {
        AfterCommit.run(transactions, () -> {
            committed.forEach(Runnable::run);
            changed(countersOf);
        });
    }

    private void changed(String countersOf) {
        if (countersOf == null) {
            contentGeneration.incrementAndGet();
        }
        generation.incrementAndGet();
        listeners.forEach(listener -> listener.accept(countersOf));
    }

    private void announce(List<String> notifications) {
        Set<String> countersOf = new LinkedHashSet<>();
        for (String slug : notifications) {
            if (slug == null || slug.isEmpty()) {
                changed(null);
                return;
            }
            countersOf.add(slug);
        }
        countersOf.forEach(this::changed);
    }
}
