package io.prepline.answer.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.prepline.answer.AnswerConfig;
import io.prepline.platform.pg.DatasourceLogin;
import io.prepline.platform.pg.PgListener;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * The instance's one listener for status changes. A trigger on {@code answer_status_history} notifies channel
 * {@value #CHANNEL} with the answer id when a change commits, whichever instance made it; this listener tells the
 * open streams ({@link Streams}) which answer changed. It also asks them to re-check each
 * {@code answer.live.recheck-interval} and whenever its connection is (re)established, so a notification lost while
 * not listening delays an event but never loses it. The connection is its own (not from the pool), held by the
 * platform's {@link PgListener}, which reopens it with a backoff when it fails.
 */
@ApplicationScoped
public class StatusNotifications {

    static final String CHANNEL = "answer_status";
    static final String APPLICATION_NAME = "answer-service status notifications";
    private static final Logger LOG = Logger.getLogger(StatusNotifications.class);

    @Inject
    AnswerConfig config;

    /** The open streams as the listener sees them. Called on the listener's thread: must not block. */
    public interface Streams {
        /** A change of this answer's status committed. */
        void changed(UUID answerId);

        /** Notifications may have been missed: check every open stream. */
        void recheck();
    }

    private static final Streams NONE = new Streams() {
        @Override
        public void changed(UUID answerId) {
        }

        @Override
        public void recheck() {
        }
    };

    private volatile Streams streams = NONE;
    private PgListener listener;

    void start(@Observes StartupEvent event) {
        AnswerConfig.Live live = config.live();
        listener = new PgListener(CHANNEL, this::connect,
                new PgListener.Settings(live.recheckInterval(), live.minBackoff(), live.maxBackoff()),
                new PgListener.Handler() {
                    @Override
                    public void listening() {
                        streams.recheck(); // changes committed while nobody listened
                    }

                    @Override
                    public void notified(List<String> answerIds) {
                        answerIds.forEach(StatusNotifications.this::changed);
                    }

                    @Override
                    public void checked() {
                        streams.recheck();
                    }
                });
        listener.start();
    }

    /** Tells {@code streams} of every change and re-check from now on. */
    void listen(Streams streams) {
        this.streams = streams;
    }

    private Connection connect() throws SQLException {
        DatasourceLogin login = DatasourceLogin.configured();
        Properties properties = new Properties();
        login.user().ifPresent(user -> properties.setProperty("user", user));
        login.password().ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(login.jdbcUrl(), properties);
    }

    private void changed(String answerId) {
        UUID id;
        try {
            id = UUID.fromString(answerId);
        } catch (IllegalArgumentException e) {
            LOG.debugf("ignoring notification %s on %s", answerId, CHANNEL);
            return;
        }
        streams.changed(id);
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.stop();
        }
    }
}
