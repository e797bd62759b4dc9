package io.prepline.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Load on a running {@link ChaosStack} while faults happen, then the audit: candidates submit at a steady rate,
 * reviewers decide and an author revises rubrics (both optional); {@link #fault} breaks a part for a while;
 * {@link #finish} stops the load, waits until the system is quiet and checks what became of every accepted answer.
 */
public final class ChaosRun {

    /**
     * @param candidates     users submitting (each answer from the next one)
     * @param perSecond      answers submitted per second
     * @param questions      questions answered (those with a rubric of the whole question)
     * @param reviewers      reviewers deciding the queue (0: none)
     * @param rubricEdits    how often an author revises a rubric (null: never)
     */
    public record Load(int candidates, double perSecond, int questions, int reviewers, Duration rubricEdits) {
    }

    private final ChaosStack stack;
    private final Http http = new Http();
    private final Ledger ledger = new Ledger();
    private final List<Fault> faults = new ArrayList<>();
    private final Submissions submissions;
    private final Reviewers reviewers;
    private final RubricEdits rubricEdits;
    private final Database questionsDb;
    private final Database answersDb;
    private final EventLog events;
    private final Invariants invariants;
    private final Instant started;

    private ChaosRun(ChaosStack stack, Load load, String runId) {
        this.stack = stack;
        questionsDb = new Database(stack.jdbcUrl("questions"));
        answersDb = new Database(stack.jdbcUrl("answers"));
        events = new EventLog(stack.bootstrapServers());
        invariants = new Invariants(questionsDb, answersDb, http);
        String authorToken = stack.token(runId + "-author", "author");
        LoadQuestions questions = LoadQuestions.read(http, stack.questions().url(), authorToken, load.questions());
        submissions = new Submissions(http, stack.answers().url(), users(runId + "-candidate-", "candidate",
                load.candidates()), questions, ledger);
        reviewers = load.reviewers() == 0 ? null
                : new Reviewers(http, stack.answers().url(), users(runId + "-reviewer-", "reviewer", load.reviewers()));
        rubricEdits = load.rubricEdits() == null ? null
                : new RubricEdits(http, stack.questions().url(), authorToken, questions, load.rubricEdits());
        awaitCatalogue(authorToken);
        started = Instant.now();
        submissions.start(load.perSecond());
        if (reviewers != null) {
            reviewers.start();
        }
        if (rubricEdits != null) {
            rubricEdits.start();
        }
    }

    /** Starts the load; {@code runId} keeps this run's users apart from any other run's on the same stack. */
    public static ChaosRun start(ChaosStack stack, Load load, String runId) {
        return new ChaosRun(stack, load, runId);
    }

    private List<User> users(String prefix, String role, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i)
                .map(id -> new User(id, stack.token(id, role))).toList();
    }

    /** Waits until answer-service and every worker hold the catalogue question-service published at its start. */
    private void awaitCatalogue(String token) {
        Instant end = Instant.now().plus(Duration.ofSeconds(120));
        List<String> problems = catalogueProblems(token);
        while (!problems.isEmpty()) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("the catalogue did not reach the consumers: " + problems);
            }
            Sleep.millis(500);
            problems = catalogueProblems(token);
        }
    }

    private List<String> catalogueProblems(String token) {
        List<String> problems = new ArrayList<>(invariants.answerServiceCatalogue());
        stack.runningWorkers().forEach(w -> problems.addAll(invariants.workerCatalogue(w, token)));
        return problems;
    }

    /** Lets the load run on for {@code duration}. */
    public void hold(Duration duration) {
        Sleep.of(duration);
    }

    /** Breaks a part ({@code begin}), keeps it broken for {@code down}, then mends it ({@code end}). */
    public void fault(String name, Runnable begin, Duration down, Runnable end) {
        Instant at = Instant.now();
        begin.run();
        Sleep.of(down);
        end.run();
        faults.add(new Fault(name, Duration.between(started, at), Duration.between(at, Instant.now())));
        System.out.printf("%s: %s for %d s%n", Report.clock(Duration.between(started, at)), name,
                Duration.between(at, Instant.now()).toSeconds());
    }

    /** Stops the load, waits up to {@code quietWithin} for the system to settle, and audits it. */
    public Report finish(Duration quietWithin) throws InterruptedException {
        Duration loaded = Duration.between(started, Instant.now());
        stopLoad();
        List<Ledger.Accepted> accepted = ledger.accepted();
        String busy = new Quiet(questionsDb, answersDb, events).await(accepted, quietWithin);
        List<Audit.Outcome> outcomes = new Audit(answersDb, events).outcomes(accepted);
        String token = stack.token("chaos-auditor", "author");
        List<Report.Check> checks = new ArrayList<>();
        checks.add(new Report.Check("quiet within " + quietWithin.toSeconds() + " s", busy.isEmpty() ? List.of()
                : List.of(busy)));
        checks.add(new Report.Check("XP per user and day is 0 or 20 and follows the approvals", invariants.xp()));
        checks.add(new Report.Check("answer-service holds question-service's catalogue version",
                invariants.answerServiceCatalogue()));
        for (ServiceProcess worker : stack.runningWorkers()) {
            checks.add(new Report.Check(worker.name() + " scores with question-service's rubric versions",
                    invariants.workerCatalogue(worker, token)));
        }
        checks.add(new Report.Check("question-service applied the last decision of every answer",
                invariants.decisionsApplied()));
        checks.add(new Report.Check("no record went to a dead-letter topic", invariants.noDeadLetters(events)));
        return new Report(started, loaded, faults, outcomes, checks, ledger, summaries());
    }

    private void stopLoad() throws InterruptedException {
        if (rubricEdits != null) {
            rubricEdits.stop();
        }
        if (reviewers != null) {
            reviewers.stop();
        }
        submissions.stop();
    }

    private List<String> summaries() {
        List<String> lines = new ArrayList<>();
        if (reviewers != null) {
            lines.add("reviewers: " + reviewers.summary());
        }
        if (rubricEdits != null) {
            lines.add("authors: " + rubricEdits.summary());
        }
        return lines;
    }
}
