package io.prepline.platform.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes the relay when a transaction that wrote outbox events commits, so that an event is published right after its
 * commit rather than at the relay's next poll. The poll ({@code prepline.outbox.interval}) stays, for events committed
 * by another instance of the service. No commit is missed: one that comes while a round runs makes the next wait end
 * at once, and commits that come together are published by one round.
 */
@ApplicationScoped
@IfBuildProperty(name = "prepline.outbox.enabled", stringValue = "true")
public class OutboxSignal {

    private final Semaphore commits = new Semaphore(0);

    /** A transaction that wrote outbox events has committed. */
    void committed() {
        if (commits.availablePermits() == 0) {
            commits.release();
        }
    }

    /** Waits until a commit was signalled (since the last wait) or {@code max} has passed; false when interrupted. */
    boolean await(Duration max) {
        try {
            if (commits.tryAcquire(max.toNanos(), TimeUnit.NANOSECONDS)) {
                commits.drainPermits();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
