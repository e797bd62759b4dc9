package io.prepline.platform.messaging;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Retries work with a {@link Backoff}. Each failure is classified: a {@link Failure#TRANSIENT} one (the database
 * restarting or unreachable, a lock not granted in time, a serialization conflict) is retried for as long as it
 * lasts, since the work itself is sound; a {@link Failure#RETRIABLE} one until {@code attempts} calls have failed;
 * a {@link Failure#PERMANENT} one is rethrown at once. The last failure is rethrown when the budget is spent or the
 * thread is interrupted.
 */
public final class Retry {

    public enum Failure { TRANSIENT, RETRIABLE, PERMANENT }

    private static final Logger LOG = Logger.getLogger(Retry.class);

    private Retry() {
    }

    public static <T> T run(String what, int attempts, Backoff backoff, Function<RuntimeException, Failure> classify,
                            Supplier<T> work) {
        int failed = 0;
        for (int call = 1; ; call++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                Failure failure = classify.apply(e);
                if (failure == Failure.PERMANENT || failure == Failure.RETRIABLE && ++failed >= attempts) {
                    throw e;
                }
                Duration wait = backoff.next();
                // a transient failure says something about a dependency: worth a warning; the outcome of a retriable
                // one is reported by the caller once the retries are spent
                LOG.logf(failure == Failure.TRANSIENT ? Logger.Level.WARN : Logger.Level.DEBUG,
                        "%s failed (%s, call %d), retrying in %d ms: %s", what, failure, call, wait.toMillis(), e);
                if (!Backoff.sleep(wait)) {
                    throw e;
                }
            }
        }
    }
}
