package io.prepline.answer.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
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
 * {@link StatusNotifications} says its answer changed, and ends after the decision or after
 * {@code answer.live.max-duration}. When notifications may have been missed (each {@code answer.live.recheck-interval}
 * and after the listener reconnects) one query reads the latest position of every followed answer, and only the
 * streams behind it read: the cost of the safety net does not grow with the number of open streams. Open streams are
 * bounded by {@link StreamLimits}.
 */
@ApplicationScoped
public class StatusFeed implements StatusNotifications.Streams {

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

    @Inject
    StreamLimits limits;

    /** Runs the reads, each on a short-lived virtual thread (none while nothing is read). */
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<UUID, Set<Follower<?>>> followers = new ConcurrentHashMap<>();
    /** One re-check at a time: a tick that comes while one runs is skipped. */
    private final AtomicBoolean rechecking = new AtomicBoolean();

    @PostConstruct
    void listen() {
        notifications.listen(this);
    }

    /**
     * A stream of the answer's history after {@code afterId}, counted against {@code caller}'s open streams (429 when
     * no place is left; the place is given back when the stream ends, also when the client goes away).
     *
     * @param view turns each history row into what the stream sends; it runs on the reading thread, where it may
     *             block (read the database)
     */
    public <T> Multi<T> follow(String caller, UUID answerId, long afterId, Function<StatusEvent, T> view) {
        StreamLimits.Place place = limits.take(caller);
        return Multi.createFrom().<T>emitter(emitter -> {
            Follower<T> follower = new Follower<>(answerId, afterId, emitter, view);
            add(follower);
            emitter.onTermination(() -> {
                follower.end();
                remove(follower);
                place.release();
            });
            follower.wake(); // what is already there
        }).select().first(config.live().maxDuration());
    }

    @Override
    public void changed(UUID answerId) {
        followers.getOrDefault(answerId, Set.of()).forEach(Follower::wake);
    }

    @Override
    public void recheck() {
        if (followers.isEmpty() || !rechecking.compareAndSet(false, true)) {
            return;
        }
        reads.execute(() -> {
            try {
                latest(List.copyOf(followers.keySet())).forEach(this::wakeBehind);
            } catch (SQLException | RuntimeException e) {
                // the next tick checks again
                LOG.warnf("re-checking the open status streams failed: %s", e);
            } finally {
                rechecking.set(false);
            }
        });
    }

    private void wakeBehind(UUID answerId, long latest) {
        followers.getOrDefault(answerId, Set.of()).stream()
                .filter(follower -> follower.position() < latest)
                .forEach(Follower::wake);
    }

    private void add(Follower<?> follower) {
        followers.compute(follower.answerId, (id, set) -> {
            Set<Follower<?>> same = set == null ? ConcurrentHashMap.newKeySet() : set;
            same.add(follower);
            return same;
        });
    }

    private void remove(Follower<?> follower) {
        followers.computeIfPresent(follower.answerId, (id, set) -> {
            set.remove(follower);
            return set.isEmpty() ? null : set;
        });
    }

    /** One open stream. Reads never overlap: a wake during a read makes that read run once more. */
    private final class Follower<T> {

        private final UUID answerId;
        private final MultiEmitter<? super T> emitter;
        private final Function<StatusEvent, T> view;
        private final AtomicInteger wakes = new AtomicInteger();
        private volatile long last;
        private volatile boolean ended;

        Follower(UUID answerId, long afterId, MultiEmitter<? super T> emitter, Function<StatusEvent, T> view) {
            this.answerId = answerId;
            this.last = afterId;
            this.emitter = emitter;
            this.view = view;
        }

        /** The history id of the last event sent. */
        long position() {
            return last;
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

    /** The latest history id of each of {@code answerIds} that has any history, in one query. */
    Map<UUID, Long> latest(List<UUID> answerIds) throws SQLException {
        Map<UUID, Long> latest = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT answer_id, max(id) FROM answer_status_history WHERE answer_id = ANY (?) GROUP BY answer_id""")) {
            ps.setArray(1, c.createArrayOf("uuid", answerIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    latest.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        return latest;
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
