package io.prepline.platform.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.prepline.platform.PlatformConfig;
import io.prepline.platform.metrics.CachedReading;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The outbox as Prometheus sees it: {@code prepline_outbox_backlog} (events written and not yet acknowledged by Kafka)
 * and {@code prepline_outbox_oldest_age_seconds} (how long the oldest of them has waited, 0 when there is none), both
 * from one query read at most once per {@code prepline.metrics.max-age}.
 */
@ApplicationScoped
@IfBuildProperty(name = "prepline.outbox.enabled", stringValue = "true")
public class OutboxMetrics {

    /** One reading of the outbox. */
    record Backlog(long events, double oldestAgeSeconds) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry metrics;
    @Inject
    PlatformConfig config;

    void register(@Observes StartupEvent event) {
        CachedReading<Backlog> backlog = new CachedReading<>("the outbox backlog", config.metrics().maxAge(),
                this::read);
        Gauge.builder("prepline.outbox.backlog", backlog, b -> events(b.get()))
                .strongReference(true)
                .description("Events in the outbox, not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("prepline.outbox.oldest.age", backlog, b -> age(b.get())).baseUnit("seconds")
                .strongReference(true)
                .description("How long the oldest event in the outbox has waited for Kafka").register(metrics);
    }

    private Backlog read() {
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("""
                     SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox_event""")) {
            rs.next();
            return new Backlog(rs.getLong(1), Math.max(0, rs.getDouble(2)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double events(Backlog backlog) {
        return backlog == null ? Double.NaN : backlog.events();
    }

    private static double age(Backlog backlog) {
        return backlog == null ? Double.NaN : backlog.oldestAgeSeconds();
    }
}
