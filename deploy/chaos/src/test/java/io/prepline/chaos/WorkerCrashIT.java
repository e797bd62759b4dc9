package io.prepline.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A review-worker killed -9 under load: the other instance takes over its partitions within 15 s, nothing is lost or
 * doubled. The killed instance stays down (its restart is part of {@code deploy/chaos/run}).
 */
@ExtendWith(TestStack.class)
class WorkerCrashIT {

    @Test
    void theOtherWorkerScoresAKilledWorkersShareWithin15Seconds() throws InterruptedException {
        ChaosStack stack = TestStack.get();
        ServiceProcess worker = stack.workers().get(1);
        ChaosRun run = ChaosRun.start(stack, TestStack.LOAD, "crash-" + shortId());
        run.hold(Duration.ofSeconds(2));
        List<Integer> shares = new EventLog(stack.bootstrapServers()).partitionsPerMember("review-worker");
        assertTrue(shares.size() == 4 && !shares.contains(0),
                "both instances (two stream threads each) score a share of the partitions: " + shares);
        run.fault(ChaosMain.killed(worker), worker::kill, Duration.ofSeconds(10), () -> { });
        Report report = run.finish(Duration.ofSeconds(90));
        report.print(System.out);

        Report.Phase crash = report.phase(ChaosMain.killed(worker));
        assertTrue(crash.accepted() >= 40, "answers were accepted while the worker was down: " + crash);
        assertEquals(0, report.lost(), "lost answers");
        assertEquals(0, report.duplicated(), "duplicated answers");
        assertEquals(List.of(), report.failedChecks());
        // its share includes the answers it was scoring when it was killed, accepted just before
        assertTrue(report.longestDelayMs() <= ChaosMain.TAKEOVER.toMillis(),
                "the killed worker's share was scored within " + ChaosMain.TAKEOVER + ", longest delay "
                        + report.longestDelayMs() + " ms");
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
