package io.prepline.answer.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
import io.prepline.platform.pg.PgListener;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The instance's one listener for status changes. A trigger on {@code answer_status_history} notifies channel
 * {@value #CHANNEL} with the answer id when a change commits, whichever instance made it; this listener wakes the
 * open streams of that answer. It also wakes every open stream each {@code answer.live.recheck-interval} and whenever
 * its connection is (re)established, so a notification lost while not listening delays an event but never loses it.
 * The connection is its own (not from the pool), held by the platform's {@link PgListener}, which reopens it with a
 * backoff when it fails.
 */
@ApplicationScoped
public class StatusNotifications {

    static final String CHANNEL = "answer_status";
    static final String APPLICATION_NAME = "answer-service status notifications";
    private static final Logger LOG = Logger.getLogger(StatusNotifications.class);

    @Inject
    AnswerConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final Map<UUID, Set<Runnable>> wakers = new ConcurrentHashMap<>();
    private PgListener listener;

    void start(@Observes StartupEvent event) {
        AnswerConfig.Live live = config.live();
        listener = new PgListener(CHANNEL, this::connect,
                new PgListener.Settings(live.recheckInterval(), live.minBackoff(), live.maxBackoff()),
                new PgListener.Handler() {
                    @Override
                    public void listening() {
                        wakeAll(); // changes committed while nobody listened
                    }

                    @Override
                    public void notified(List<String> answerIds) {
                        answerIds.forEach(StatusNotifications.this::wake);
                    }

                    @Override
                    public void checked() {
                        wakeAll();
                    }
                });
        listener.start();
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

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
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
        if (listener != null) {
            listener.stop();
        }
    }
}
