package io.prepline.chaos;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack the chaos tests share (starting it is most of their time): question-service, answer-service and two
 * review-workers from the packaged services, with throw-away data under {@code target/}. As the tests' extension it
 * is discarded (services killed, servers stopped) once every test class ran, instead of shut down gracefully when the
 * JVM exits.
 */
final class TestStack implements BeforeAllCallback {

    /**
     * The tests' load: 5 answers/s from 30 candidates (10 a minute each, half of answer-service's limit per user) to 3
     * questions; no reviewers or rubric revisions.
     */
    static final ChaosRun.Load LOAD = new ChaosRun.Load(30, 5, 3, 0, null);

    private static ChaosStack stack;

    static synchronized ChaosStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("prepline.root", "../.."));
            Path data = ChaosStack.emptied(Path.of("target/chaos-stack").toAbsolutePath());
            long started = System.nanoTime();
            // the services warm up with one round each (one answer scored, one commit, one rehearsed submission), not
            // the full warm-up: it shortens the first minute's delays, which these tests do not measure, and its CPU
            // would slow the other services' start
            stack = ChaosStack.start(new ChaosStack.Layout(root, data, false, 2,
                    List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dreview.streams.warm-up-answers=1",
                            "-Dreview.streams.warm-up-transactions=1", "-Danswer.warm-up.rounds=1")));
            System.out.printf("stack ready in %d s (logs in %s)%n", (System.nanoTime() - started) / 1_000_000_000,
                    data.resolve("logs"));
        }
        return stack;
    }

    private static synchronized void discard() {
        if (stack != null) {
            stack.discard();
            stack = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(TestStack.class, key -> (AutoCloseable) TestStack::discard);
    }
}
