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
import java.util.function.Function;

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

    /**
     * @param view turns each history row into what the stream sends; it runs on the reading thread, where it may
     *             block (read the database)
     */
    public <T> Multi<T> follow(UUID answerId, long afterId, Function<StatusEvent, T> view) {
        return Multi.createFrom().<T>emitter(emitter -> {
            Follower<T> follower = new Follower<>(answerId, afterId, emitter, view);
            Runnable unsubscribe = notifications.subscribe(answerId, follower::wake);
            emitter.onTermination(() -> {
                follower.end();
                unsubscribe.run();
            });
            follower.wake(); // what is already there
        }).select().first(config.live().maxDuration());
    }

    /** One open stream. Reads never overlap: a wake during a read makes that read run once more. */
    private final class Follower<T> {

        private final UUID answerId;
        private final MultiEmitter<? super T> emitter;
        private final Function<StatusEvent, T> view;
        private final AtomicInteger wakes = new AtomicInteger();
        private long last;
        private volatile boolean ended;

        Follower(UUID answerId, long afterId, MultiEmitter<? super T> emitter, Function<StatusEvent, T> view) {
            this.answerId = answerId;
            this.last = afterId;
            this.emitter = emitter;
            this.view = view;
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
                    emitter.emit(view.apply(event));
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
