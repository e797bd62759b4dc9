package io.prepline.question.partners;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Requests per key and day (UTC), counted in memory on the request path and added to {@code partner_key_usage} every
 * {@code question.partners.usage-flush-interval} in one batch: no database write per request. Counts that could not
 * be written are kept for the next flush; a crash loses at most one interval of counts.
 */
@ApplicationScoped
public class KeyUsage {

    private static final Logger LOG = Logger.getLogger(KeyUsage.class);

    private record Day(String keyId, long epochDay) {
    }

    private record Counts(LongAdder admitted, LongAdder refused) {
        Counts() {
            this(new LongAdder(), new LongAdder());
        }
    }

    private record Pending(Day day, long admitted, long refused) {
    }

    @Inject
    DataSource dataSource;

    private final ConcurrentHashMap<Day, Counts> counts = new ConcurrentHashMap<>();

    /** Counts one request made with {@code keyId}, admitted or refused by its rate limit. */
    public void count(String keyId, boolean admitted) {
        Counts day = counts.computeIfAbsent(new Day(keyId, today()), ignored -> new Counts());
        (admitted ? day.admitted() : day.refused()).increment();
    }

    @Scheduled(every = "${question.partners.usage-flush-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void flush() {
        List<Pending> pending = drain();
        if (pending.isEmpty()) {
            return;
        }
        try {
            write(pending);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("usage of %d keys not written yet, kept for the next flush: %s", pending.size(), e.toString());
            pending.forEach(this::restore);
        }
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        flush();
    }

    private List<Pending> drain() {
        long today = today();
        List<Pending> pending = new ArrayList<>();
        counts.forEach((day, count) -> {
            long admitted = count.admitted().sumThenReset();
            long refused = count.refused().sumThenReset();
            if (admitted + refused > 0) {
                pending.add(new Pending(day, admitted, refused));
            }
            if (day.epochDay() < today) {
                counts.remove(day, count); // a late increment of a past day is lost: at most one request
            }
        });
        return pending;
    }

    private void restore(Pending pending) {
        Counts count = counts.computeIfAbsent(pending.day(), ignored -> new Counts());
        count.admitted().add(pending.admitted());
        count.refused().add(pending.refused());
    }

    private void write(List<Pending> pending) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO partner_key_usage (key_id, day, requests, refused)
                     SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM partner_key WHERE id = ?)
                     ON CONFLICT (key_id, day) DO UPDATE SET requests = partner_key_usage.requests + EXCLUDED.requests,
                                                             refused = partner_key_usage.refused + EXCLUDED.refused""")) {
            for (Pending p : pending) {
                upsert.setString(1, p.day().keyId());
                upsert.setDate(2, Date.valueOf(LocalDate.ofEpochDay(p.day().epochDay())));
                upsert.setLong(3, p.admitted());
                upsert.setLong(4, p.refused());
                upsert.setString(5, p.day().keyId());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The UTC day number, without a calendar: this runs on every request made with a key. */
    private static long today() {
        return Math.floorDiv(System.currentTimeMillis(), 86_400_000L);
    }
}
