package io.prepline.question.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.platform.pg.AfterCommit;
import io.prepline.platform.pg.PgListener;
import io.prepline.question.QuestionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * The valid keys and the partners' allowed origins, held in memory so that a request is checked without the database.
 * A trigger notifies {@code partners_changed} when a partner or key changes on any instance; every instance reloads
 * then, so a revoked key stops working everywhere within the time of one notification. Changes made on this instance
 * are loaded right after their commit. While nobody listens (a lost connection), keys loaded longer than
 * {@code question.partners.max-staleness} ago are not trusted: requests with keys get 503 until it listens again.
 */
@ApplicationScoped
public class PartnerKeys {

    static final String CHANNEL = "partners_changed";
    private static final Logger LOG = Logger.getLogger(PartnerKeys.class);
    private static final TypeReference<List<String>> ORIGINS = new TypeReference<>() {
    };

    /** Everything loaded at one moment. */
    private record Ring(Map<String, ValidKey> keys, Set<String> origins, long loadedAt) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    ObjectMapper json;
    @Inject
    QuestionConfig config;

    private volatile Ring ring = new Ring(Map.of(), Set.of(), Long.MIN_VALUE);
    private volatile boolean listening;
    private PgListener listener;

    void start(@Observes StartupEvent event) {
        reloadQuietly();
        listener = new PgListener(CHANNEL, dataSource::getConnection,
                config.changes().listener(),
                new PgListener.Handler() {
                    @Override
                    public void listening() {
                        reloadQuietly(); // anything may have changed while nobody was listening
                        listening = true;
                    }

                    @Override
                    public void notified(List<String> payloads) {
                        reloadQuietly();
                    }

                    @Override
                    public void lost(Exception cause) {
                        listening = false;
                        LOG.warnf("not listening for key changes; keys are refused %d s after the last load: %s",
                                config.partners().maxStaleness().toSeconds(), cause.getMessage());
                    }
                });
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.stop();
        }
    }

    /** Whether the keys in memory can be trusted now: listening for changes, or loaded a moment ago. */
    public boolean current() {
        return listening || System.nanoTime() - ring.loadedAt() < config.partners().maxStaleness().toNanos();
    }

    /** The valid key {@code presented} is, or null (unknown, wrong secret, revoked or expired). */
    public ValidKey verify(ApiKey presented) {
        ValidKey key = ring.keys().get(presented.id());
        if (key == null || key.kind() != presented.kind() || key.expired(java.time.Instant.now())
                || !presented.matches(key.hash())) {
            return null;
        }
        return key;
    }

    /** Whether any partner allows {@code origin}. */
    public boolean anyPartnerAllows(String origin) {
        return origin != null && ring.origins().contains(origin);
    }

    /** Loads the keys and origins again once the current transaction commits. */
    void reloadOnCommit() {
        AfterCommit.run(transactions, this::reloadQuietly);
    }

    private void reloadQuietly() {
        try {
            ring = load();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("cannot load the partners' keys: %s", e.toString());
        }
    }

    private Ring load() throws SQLException {
        long loadedAt = System.nanoTime();
        Map<String, ValidKey> keys = new HashMap<>();
        Set<String> origins = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT k.id, k.kind, k.key_hash, k.expires_at, p.id, p.plan, p.allowed_origins::text
                       FROM partner p LEFT JOIN partner_key k ON k.partner_id = p.id
                            AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Set<String> allowed = Set.copyOf(origins(rows.getString(7)));
                origins.addAll(allowed);
                if (rows.getString(1) != null) {
                    Timestamp expires = rows.getTimestamp(4);
                    keys.put(rows.getString(1), new ValidKey(rows.getString(1), KeyKind.valueOf(rows.getString(2)),
                            rows.getObject(5, UUID.class), rows.getString(6), allowed, rows.getBytes(3),
                            expires == null ? null : expires.toInstant()));
                }
            }
        }
        return new Ring(Map.copyOf(keys), Set.copyOf(origins), loadedAt);
    }

    private List<String> origins(String jsonArray) {
        try {
            return json.readValue(jsonArray, ORIGINS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("allowed_origins is not a JSON array of strings", e);
        }
    }
}
