package io.prepline.platform.pg;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.prepline.platform.messaging.Backoff;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One connection that LISTENs on a PostgreSQL channel, on its own daemon thread. It checks every
 * {@code checkInterval} that the connection still answers (a quiet connection may be a dead one) and reconnects with
 * a doubling backoff when it fails. The handler hears when listening starts (anything may have changed while nobody
 * listened), every batch of notifications, every check, and when the connection is lost.
 */
public final class PgListener {

    /** Reacts to the listener; runs on the listener's thread and must not block. */
    public interface Handler {
        /** Listening (again): notifications sent while nobody listened are lost, so treat everything as changed. */
        void listening();

        /** Payloads of the notifications received, in order. */
        void notified(List<String> payloads);

        /** The connection answered a check; called every {@code checkInterval}. */
        default void checked() {
        }

        /** The connection was lost; notifications are missed until {@link #listening()}. */
        default void lost(Exception cause) {
        }
    }

    /** Opens the connection to listen on; it is closed when lost or on {@link #stop()}. */
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    public record Settings(Duration checkInterval, Duration minBackoff, Duration maxBackoff) {
    }

    private static final Logger LOG = Logger.getLogger(PgListener.class);
    /** Longest single wait for notifications, so that the loop sees a shutdown soon. */
    private static final int MAX_WAIT_MILLIS = 1000;

    private final String channel;
    private final ConnectionSource connections;
    private final Settings settings;
    private final Handler handler;
    private volatile boolean running;
    private Thread thread;

    public PgListener(String channel, ConnectionSource connections, Settings settings, Handler handler) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.channel = channel;
        this.connections = connections;
        this.settings = settings;
        this.handler = handler;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("listen-" + channel).start(this::run);
    }

    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
            try {
                listening.join(2 * MAX_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        while (running) {
            try (Connection connection = connections.open()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                backoff.reset();
                handler.listening();
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                handler.lost(e);
                Duration wait = backoff.next();
                LOG.warnf("not listening on %s, listening again in %d ms: %s", channel, wait.toMillis(), e.toString());
                if (!Backoff.sleep(wait)) {
                    return;
                }
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long check = settings.checkInterval().toNanos();
        long nextCheck = System.nanoTime() + check;
        while (running) {
            long untilCheck = (nextCheck - System.nanoTime()) / 1_000_000;
            // 0 would wait forever
            int wait = (int) Math.max(1, Math.min(MAX_WAIT_MILLIS, untilCheck));
            PGNotification[] received = postgres.getNotifications(wait);
            if (received != null && received.length > 0) {
                List<String> payloads = new ArrayList<>(received.length);
                for (PGNotification notification : received) {
                    payloads.add(notification.getParameter());
                }
                handler.notified(payloads);
            }
            if (System.nanoTime() - nextCheck >= 0) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                handler.checked();
                nextCheck = System.nanoTime() + check;
            }
        }
    }
}
