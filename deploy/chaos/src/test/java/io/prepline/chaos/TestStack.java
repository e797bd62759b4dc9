package io.prepline.chaos;

import java.nio.file.Path;
import java.util.List;

/**
 * The stack the chaos tests share (starting it is most of their time): question-service, answer-service and two
 * review-workers from the packaged services, with throw-away data under {@code target/}; stopped when the JVM exits.
 */
final class TestStack {

    /**
     * The tests' load: 5 answers/s from 30 candidates (10 a minute each, half of answer-service's limit per user) to 3
     * questions; no reviewers or rubric revisions.
     */
    static final ChaosRun.Load LOAD = new ChaosRun.Load(30, 5, 3, 0, null);

    private static ChaosStack stack;

    private TestStack() {
    }

    static synchronized ChaosStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("prepline.root", "../.."));
            Path data = ChaosStack.emptied(Path.of("target/chaos-stack").toAbsolutePath());
            long started = System.nanoTime();
            stack = ChaosStack.start(new ChaosStack.Layout(root, data, false, 2,
                    List.of("-Xmx384m", "-XX:TieredStopAtLevel=1")));
            System.out.printf("stack ready in %d s (logs in %s)%n", (System.nanoTime() - started) / 1_000_000_000,
                    data.resolve("logs"));
        }
        return stack;
    }
}
