package io.prepline.answer.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.prepline.answer.AnswerConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import org.jboss.logging.Logger;

/**
 * Follows an answer's status history in the database, so a stream sees every change whichever instance made it.
 * An open stream holds no thread: it reads the rows after the last one it sent (a cheap indexed query) when
 * {@link StatusNotifications} wakes it, and ends after the decision or after {@code answer.live.max-duration}.
 */
@ApplicationScoped
public class StatusFeed {

    static final Set<String> FINAL = Set.of("APPROVED", "REJECTED");
    private static final Logger LOG = Logger.getLogger(StatusFeed.class);

    /** @param id position in the history, usable as Last-Event-ID */
    public record StatusEvent(long id, String status, Integer overall, String actor, Instant at) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnswerConfig config;

    @Inject
    StatusNotifications notifications;

    /** Runs the reads, each on a short-lived virtual thread (none while nothing is read). */
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();

    public Multi<StatusEvent> follow(UUID answerId, long afterId) {
        return Multi.createFrom().<StatusEvent>emitter(emitter -> {
            Follower follower = new Follower(answerId, afterId, emitter);
            Runnable unsubscribe = notifications.subscribe(answerId, follower::wake);
            emitter.onTermination(() -> {
                follower.end();
                unsubscribe.run();
            });
            follower.wake(); // what is already there
        }).select().first(config.live().maxDuration());
    }

    /** One open stream. Reads never overlap: a wake during a read makes that read run once more. */
    private final class Follower {

        private final UUID answerId;
        private final MultiEmitter<? super StatusEvent> emitter;
        private final AtomicInteger wakes = new AtomicInteger();
        private long last;
        private volatile boolean ended;

        Follower(UUID answerId, long afterId, MultiEmitter<? super StatusEvent> emitter) {
            this.answerId = answerId;
            this.last = afterId;
            this.emitter = emitter;
        }

        void end() {
            ended = true;
        }

        void wake() {
            if (wakes.getAndIncrement() == 0) {
                reads.execute(this::readWhileWoken);
            }
        }

        private void readWhileWoken() {
            int seen;
            do {
                seen = wakes.get();
                if (!ended) {
                    readNew();
                }
            } while (wakes.addAndGet(-seen) > 0);
        }

        private void readNew() {
            try {
                for (StatusEvent event : after(answerId, last)) {
                    emitter.emit(event);
                    last = event.id();
                    if (FINAL.contains(event.status())) {
                        emitter.complete();
                        return;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // the next notification or re-check reads again from the same position
                LOG.warnf("reading the status history of answer %s failed: %s", answerId, e);
            }
        }
    }

    List<StatusEvent> after(UUID answerId, long afterId) throws SQLException {
        List<StatusEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, status, overall, actor, at FROM answer_status_history
                WHERE answer_id = ? AND id > ? ORDER BY id""")) {
            ps.setObject(1, answerId);
            ps.setLong(2, afterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int overall = rs.getInt(3);
                    events.add(new StatusEvent(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : overall,
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return events;
    }
}
