package io.prepline.platform.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Retries a consumer's database work a few times: a transient failure (a restarting database, a serialization
 * conflict) should not fail the channel; a persistent one does, and the record is consumed again after a restart.
 */
public final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);
    static final int ATTEMPTS = 5;
    static final Duration FIRST_WAIT = Duration.ofMillis(100);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private Retry() {
    }

    public static <T> T run(String what, Supplier<T> work) {
        return run(what, ATTEMPTS, new Backoff(FIRST_WAIT, LONGEST_WAIT), work);
    }

    static <T> T run(String what, int attempts, Backoff backoff, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                LOG.warnf("%s failed (attempt %d of %d), retrying: %s", what, attempt, attempts, e.toString());
                if (!backoff.pause()) {
                    throw e;
                }
            }
        }
    }
}
