package io.prepline.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker stopped under load: answers are still accepted, and all are scored once it is back, none twice. */
@ExtendWith(TestStack.class)
class BrokerOutageIT {

    private static final String FAULT = "Kafka broker stopped";

    @Test
    void answersAcceptedWhileTheBrokerIsDownAreScoredOnceItIsBack() throws InterruptedException {
        ChaosStack stack = TestStack.get();
        ChaosRun run = ChaosRun.start(stack, TestStack.LOAD, "outage-" + WorkerCrashIT.shortId());
        run.hold(Duration.ofSeconds(2));
        run.fault(FAULT, stack::stopKafka, Duration.ofSeconds(6), stack::startKafka);
        run.hold(Duration.ofSeconds(2));
        Report report = run.finish(Duration.ofSeconds(90));
        report.print(System.out);

        Report.Phase outage = report.phase(FAULT);
        assertTrue(outage.accepted() >= 30, "answers were accepted while the broker was down: " + outage);
        assertEquals(0, report.retried(), "every submission was accepted at its first attempt");
        assertEquals(0, report.lost(), "lost answers");
        assertEquals(0, report.duplicated(), "duplicated answers");
        assertEquals(List.of(), report.failedChecks());
    }
}
