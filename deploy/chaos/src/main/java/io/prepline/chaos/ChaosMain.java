package io.prepline.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The chaos run of {@code deploy/chaos/run}: the whole system under a steady load for about nine minutes while, a
 * minute apart ({@code --between-faults}), the broker stops for 30 s, a review-worker is killed (-9) and started
 * again 30 s later, answer-service is killed and started again, PostgreSQL restarts, and the other review-worker is
 * killed and started again; then the audit. Exit status 0 when nothing was lost or duplicated, every check holds and
 * the surviving worker took over a killed one's share within {@link #TAKEOVER}.
 * Usage: {@code ChaosMain --root DIR [--rate ANSWERS_PER_S] [--candidates N] [--between-faults SECONDS]}.
 */
public final class ChaosMain {

    /** How soon the other instances must score a killed worker's share. */
    static final Duration TAKEOVER = Duration.ofSeconds(15);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(30);
    private static final Duration WORKER_DOWN = Duration.ofSeconds(30);

    private ChaosMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(option(args, "--root", ".")).toAbsolutePath().normalize();
        double rate = Double.parseDouble(option(args, "--rate", "4"));
        int candidates = Integer.parseInt(option(args, "--candidates", "40"));
        Duration between = Duration.ofSeconds(Long.parseLong(option(args, "--between-faults", "60")));
        Path data = ChaosStack.emptied(root.resolve(".local/chaos"));
        System.out.println("starting PostgreSQL, Kafka, question-service, answer-service and 2 review-workers; "
                + "data and logs in " + data);
        ChaosStack stack = ChaosStack.start(new ChaosStack.Layout(root, data, true, 2, javaOptions()));
        System.out.printf("load: %.1f answers/s from %d candidates to 5 questions, 2 reviewers, a rubric revision "
                + "every 90 s%n", rate, candidates);
        ChaosRun run = ChaosRun.start(stack, new ChaosRun.Load(candidates, rate, 5, 2, Duration.ofSeconds(90)),
                "chaos");
        faults(stack, run, between);
        System.out.println("load stopped; waiting for the system to settle, then checking ...");
        Report report = run.finish(Duration.ofMinutes(3));
        stack.workers().forEach(worker -> report.add(takeover(report, worker)));
        report.print(System.out);
        stack.close();
        System.exit(report.passed() ? 0 : 1);
    }

    private static void faults(ChaosStack stack, ChaosRun run, Duration between) {
        ServiceProcess first = stack.workers().get(0);
        ServiceProcess second = stack.workers().get(1);
        ServiceProcess answers = stack.answers();
        run.hold(between);
        run.fault("Kafka broker stopped", stack::stopKafka, BROKER_DOWN, stack::startKafka);
        run.hold(between);
        run.fault(killed(second), second::kill, WORKER_DOWN, () -> stack.restart(second));
        run.hold(between);
        run.fault(killed(answers), answers::kill, Duration.ZERO, () -> stack.restart(answers));
        run.hold(between);
        run.fault("PostgreSQL restarted", stack::restartPostgres, Duration.ZERO, () -> { });
        run.hold(between);
        run.fault(killed(first), first::kill, WORKER_DOWN, () -> stack.restart(first));
        run.hold(between);
    }

    static String killed(ServiceProcess service) {
        return service.name() + " killed -9";
    }

    /** The longest delay of the answers accepted while a worker was down, against {@link #TAKEOVER}. */
    private static Report.Check takeover(Report report, ServiceProcess worker) {
        long delayMs = report.longestDelayDuringMs(killed(worker));
        String check = String.format(Locale.ROOT, "%s killed: its share scored by the other instance within %d s "
                + "(longest delay %.1f s)", worker.name(), TAKEOVER.toSeconds(), delayMs / 1000.0);
        return new Report.Check(check, delayMs <= TAKEOVER.toMillis() ? List.of() : List.of("too slow"));
    }

    /** {@code PREPLINE_JAVA_OPTS} as {@code deploy/local/run} reads it (default: C1 JIT only), and a heap limit. */
    private static List<String> javaOptions() {
        String configured = System.getenv("PREPLINE_JAVA_OPTS");
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        String value = configured == null ? "-XX:TieredStopAtLevel=1" : configured;
        Arrays.stream(value.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(options::add);
        return options;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
