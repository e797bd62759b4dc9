package io.prepline.answer.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.prepline.answer.AnswerConfig;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The instance's one listener for status changes. A trigger on {@code answer_status_history} notifies channel
 * {@value #CHANNEL} with the answer id when a change commits, whichever instance made it; this listener wakes the
 * open streams of that answer. It also wakes every open stream each {@code answer.live.recheck-interval} and whenever
 * its connection is (re)established, so a notification lost while not listening delays an event but never loses it.
 * The connection is its own (not from the pool), on one daemon thread; it is reopened with a backoff when it fails.
 */
@ApplicationScoped
public class StatusNotifications {

    static final String CHANNEL = "answer_status";
    static final String APPLICATION_NAME = "answer-service status notifications";
    private static final Logger LOG = Logger.getLogger(StatusNotifications.class);
    /** Longest single wait for notifications, so that the loop sees a shutdown or a due re-check. */
    private static final int MAX_WAIT_MILLIS = 1000;

    @Inject
    AnswerConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final Map<UUID, Set<Runnable>> wakers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().daemon().name("status-notifications").start(this::run);
    }

    /**
     * Calls {@code wake} whenever the answer may have a new status, until the returned action is run.
     * {@code wake} runs on the listener's thread and must not block.
     */
    Runnable subscribe(UUID answerId, Runnable wake) {
        wakers.compute(answerId, (id, set) -> {
            Set<Runnable> subscribers = set == null ? ConcurrentHashMap.newKeySet() : set;
            subscribers.add(wake);
            return subscribers;
        });
        return () -> wakers.computeIfPresent(answerId, (id, set) -> {
            set.remove(wake);
            return set.isEmpty() ? null : set;
        });
    }

    private void run() {
        Duration backoff = config.live().minBackoff();
        while (running) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                backoff = config.live().minBackoff();
                wakeAll(); // changes committed while nobody listened
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("status notifications interrupted, listening again in %d ms: %s", backoff.toMillis(), e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(config.live().maxBackoff()) > 0) {
                    backoff = config.live().maxBackoff();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long recheck = config.live().recheckInterval().toNanos();
        long nextRecheck = System.nanoTime() + recheck;
        while (running) {
            long untilRecheck = (nextRecheck - System.nanoTime()) / 1_000_000;
            // 0 would wait forever
            int wait = (int) Math.max(1, Math.min(MAX_WAIT_MILLIS, untilRecheck));
            PGNotification[] received = notifications.getNotifications(wait);
            if (received != null) {
                for (PGNotification notification : received) {
                    wake(notification.getParameter());
                }
            }
            if (System.nanoTime() - nextRecheck >= 0) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                wakeAll();
                nextRecheck = System.nanoTime() + recheck;
            }
        }
    }

    private void wake(String answerId) {
        UUID id;
        try {
            id = UUID.fromString(answerId);
        } catch (IllegalArgumentException e) {
            LOG.debugf("ignoring notification %s on %s", answerId, CHANNEL);
            return;
        }
        wakers.getOrDefault(id, Set.of()).forEach(Runnable::run);
    }

    private void wakeAll() {
        wakers.values().forEach(subscribers -> subscribers.forEach(Runnable::run));
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2 * MAX_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
