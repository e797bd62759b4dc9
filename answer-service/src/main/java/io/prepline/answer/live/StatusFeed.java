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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.prepline.answer.AnswerConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Follows an answer's status history in the database, so a stream sees every change whichever instance made it.
 * Each open stream polls with a cheap indexed query; it ends after the decision or after a maximum duration.
 */
@ApplicationScoped
public class StatusFeed {

    static final Set<String> FINAL = Set.of("APPROVED", "REJECTED");

    /** @param id position in the history, usable as Last-Event-ID */
    public record StatusEvent(long id, String status, Integer overall, String actor, Instant at) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnswerConfig config;

    public Multi<StatusEvent> follow(UUID answerId, long afterId) {
        return Multi.createFrom().emitter(emitter -> Thread.ofVirtual().name("status-feed-" + answerId)
                .start(() -> poll(emitter, answerId, afterId)));
    }

    private void poll(MultiEmitter<? super StatusEvent> emitter, UUID answerId, long afterId) {
        long last = afterId;
        long deadline = System.nanoTime() + config.live().maxDuration().toNanos();
        try {
            while (!emitter.isCancelled() && System.nanoTime() < deadline) {
                for (StatusEvent event : after(answerId, last)) {
                    emitter.emit(event);
                    last = event.id();
                    if (FINAL.contains(event.status())) {
                        emitter.complete();
                        return;
                    }
                }
                Thread.sleep(config.live().pollInterval().toMillis());
            }
            emitter.complete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (SQLException | RuntimeException e) {
            emitter.fail(e);
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
