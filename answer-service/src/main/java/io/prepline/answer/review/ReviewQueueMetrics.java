package io.prepline.answer.review;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.prepline.platform.PlatformConfig;
import io.prepline.platform.metrics.CachedReading;
import io.quarkus.runtime.StartupEvent;

/**
 * The review queue as Prometheus sees it: {@code prepline_review_queue_depth{status}}, answers not decided yet by
 * status (waiting for a score, or for a reviewer), and {@code prepline_review_claims}, the claims reviewers hold now.
 * All from one query, read at most once per {@code prepline.metrics.max-age}.
 */
@ApplicationScoped
public class ReviewQueueMetrics {

    /** The statuses of an answer not decided yet. */
    static final List<String> WAITING = List.of("SUBMITTED", "SCORED", "NEEDS_REVIEW");
    private static final String CLAIMS = "claims";

    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;
    @Inject
    PlatformConfig config;

    void register(@Observes StartupEvent event) {
        CachedReading<Map<String, Long>> queue = new CachedReading<>("the review queue", config.metrics().maxAge(),
                this::read);
        for (String status : WAITING) {
            Gauge.builder("prepline.review.queue.depth", queue, q -> count(q.get(), status)).tag("status", status)
                    .strongReference(true)
                .description("Answers not decided yet, by status").register(registry);
        }
        Gauge.builder("prepline.review.claims", queue, q -> count(q.get(), CLAIMS))
                .strongReference(true)
                .description("Answers a reviewer holds a claim on").register(registry);
    }

    private Map<String, Long> read() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("""
                     SELECT status, count(*), count(*) FILTER (WHERE claimed_until > now()) FROM answer
                     WHERE status IN ('SUBMITTED', 'SCORED', 'NEEDS_REVIEW') GROUP BY status""")) {
            long claims = 0;
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
                claims += rs.getLong(3);
            }
            counts.put(CLAIMS, claims);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static double count(Map<String, Long> counts, String key) {
        return counts == null ? Double.NaN : counts.getOrDefault(key, 0L);
    }
}
