package io.prepline.question.catalogue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.prepline.question.QuestionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Knows when the catalogue last changed, on any instance, so cached pages and lists are exact rather than timed.
 * <p>
 * A statement trigger on {@code question} sends a PostgreSQL notification, which is delivered on commit; one
 * connection per instance listens and moves the generation on. Writes on this instance also move it right after
 * their commit, so an author reads their own change at once. While nobody listens (start-up, a lost connection)
 * {@link #generation()} is -1 and caches are bypassed: a missed notification can delay nothing and serve nothing stale.
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
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;

    void start(@Observes StartupEvent event) {
        running = true;
        listener = Thread.ofPlatform().daemon().name("catalogue-changes").start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The current generation of the catalogue, or -1 while changes made elsewhere could go unnoticed. */
    public long generation() {
        return listening ? generation.get() : -1;
    }

    /** Runs after every change, e.g. to free the entries of older generations. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Moves the generation on once the current transaction commits. */
    public void changedOnCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changed();
                }
            }
        });
    }

    private void changed() {
        generation.incrementAndGet();
        listeners.forEach(Runnable::run);
    }

    private void listen() {
        long wait = config.changes().checkInterval().toMillis();
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                changed(); // anything may have changed while nobody was listening
                listening = true;
                LOG.debug("listening for catalogue changes");
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) wait);
                    if (notifications != null && notifications.length > 0) {
                        changed();
                    } else {
                        statement.execute("SELECT 1"); // a quiet connection may be a dead one
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("not listening for catalogue changes, caches are bypassed until it reconnects: %s",
                            e.getMessage());
                }
            } finally {
                listening = false;
            }
            pause(config.changes().reconnectDelay().toMillis());
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
