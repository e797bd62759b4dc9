package io.prepline.answer.publishing;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Retries a consumer's database work a few times: a transient failure (a restarting database, a serialization
 * conflict) should not fail the channel; a persistent one does, and the record is consumed again after a restart.
 */
public final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final int ATTEMPTS = 5;

    private Retry() {
    }

    public static <T> T run(String what, Supplier<T> work) {
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("%s failed (attempt %d of %d), retrying: %s", what, attempt, ATTEMPTS, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff *= 2;
            }
        }
    }
}
