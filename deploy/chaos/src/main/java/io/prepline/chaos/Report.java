package io.prepline.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The outcome of a run: per fault (and the steady load before the first), the answers accepted from its start until
 * the next fault, how many of them were lost or duplicated and the longest delay until one was scored; then the
 * checks across services. The run passes when nothing was lost or duplicated and every check holds.
 */
public final class Report {

    /** A check across the services and the problems it found (none: it holds). */
    public record Check(String name, List<String> problems) {
        boolean holds() {
            return problems.isEmpty();
        }
    }

    /** One row of the table: a fault and the answers accepted while it was the latest. */
    public record Phase(String fault, Duration at, Duration length, int accepted, int lost, int duplicated,
                        long longestDelayMs) {
    }

    private static final int SHOWN_PROBLEMS = 10;

    private final Instant started;
    private final Duration loaded;
    private final List<Phase> phases;
    private final List<Audit.Outcome> outcomes;
    private final List<Check> checks;
    private final Ledger ledger;
    private final List<String> notes;

    Report(Instant started, Duration loaded, List<Fault> faults, List<Audit.Outcome> outcomes, List<Check> checks,
           Ledger ledger, List<String> notes) {
        this.started = started;
        this.loaded = loaded;
        this.outcomes = List.copyOf(outcomes);
        this.checks = new ArrayList<>(checks);
        this.ledger = ledger;
        this.notes = List.copyOf(notes);
        this.phases = phases(faults);
    }

    private List<Phase> phases(List<Fault> faults) {
        List<Fault> all = Stream.concat(Stream.of(new Fault(Fault.NONE, Duration.ZERO, Duration.ZERO)),
                faults.stream()).toList();
        List<Phase> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Duration from = all.get(i).at();
            Duration to = i + 1 < all.size() ? all.get(i + 1).at() : loaded.plusDays(1);
            rows.add(phase(all.get(i), outcomes.stream().filter(o -> within(o, from, to)).toList()));
        }
        return rows;
    }

    private boolean within(Audit.Outcome o, Duration from, Duration to) {
        Duration at = Duration.between(started, o.answer().acceptedAt());
        return at.compareTo(from) >= 0 && at.compareTo(to) < 0;
    }

    private static Phase phase(Fault fault, List<Audit.Outcome> answers) {
        return new Phase(fault.name(), fault.at(), fault.length(), answers.size(),
                (int) answers.stream().filter(Audit.Outcome::lost).count(),
                (int) answers.stream().filter(Audit.Outcome::duplicated).count(),
                answers.stream().mapToLong(Audit.Outcome::delayMs).max().orElse(0));
    }

    /** The row of the fault named {@code name}. */
    public Phase phase(String name) {
        return phases.stream().filter(p -> p.fault().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fault " + name));
    }

    /** Adds a check the caller made from this report (before it is printed). */
    public void add(Check check) {
        checks.add(check);
    }

    /** The longest delay of the answers accepted while the fault named {@code name} lasted. */
    public long longestDelayDuringMs(String name) {
        Phase p = phase(name);
        return outcomes.stream().filter(o -> within(o, p.at(), p.at().plus(p.length())))
                .mapToLong(Audit.Outcome::delayMs).max().orElse(0);
    }

    /** The longest delay of any accepted answer until it was scored. */
    public long longestDelayMs() {
        return outcomes.stream().mapToLong(Audit.Outcome::delayMs).max().orElse(0);
    }

    /** Requests the clients had to send again after a failure (no response, 5xx, 429). */
    public int retried() {
        return ledger.retries();
    }

    public int accepted() {
        return outcomes.size();
    }

    public long lost() {
        return outcomes.stream().filter(Audit.Outcome::lost).count();
    }

    public long duplicated() {
        return outcomes.stream().filter(Audit.Outcome::duplicated).count();
    }

    public List<Check> failedChecks() {
        return checks.stream().filter(c -> !c.holds()).toList();
    }

    public boolean passed() {
        return lost() == 0 && duplicated() == 0 && failedChecks().isEmpty();
    }

    public void print(PrintStream out) {
        out.printf("%n%-36s %-13s %9s %6s %11s %14s%n", "fault", "when", "accepted", "lost", "duplicated",
                "longest delay");
        for (Phase p : phases) {
            String when = p.fault().equals(Fault.NONE) ? clock(p.at())
                    : clock(p.at()) + " (" + p.length().toSeconds() + " s)";
            out.printf(Locale.ROOT, "%-36s %-13s %9d %6d %11d %12.1f s%n", p.fault(), when, p.accepted(), p.lost(),
                    p.duplicated(), p.longestDelayMs() / 1000.0);
        }
        out.printf(Locale.ROOT, "%-36s %-13s %9d %6d %11d %12.1f s%n", "all", clock(loaded), accepted(), lost(),
                duplicated(), longestDelayMs() / 1000.0);
        out.printf("%nclients: %d answers accepted, %d requests sent again after a failure, %d refused, %d given up%n",
                accepted(), ledger.retries(), ledger.refused().size(), ledger.abandoned());
        ledger.refused().stream().distinct().limit(SHOWN_PROBLEMS).forEach(r -> out.println("  refused: " + r));
        notes.forEach(out::println);
        outcomes.stream().filter(o -> !o.problems().isEmpty()).limit(SHOWN_PROBLEMS).forEach(o ->
                out.println("  answer " + o.answer().answerId() + ": " + String.join("; ", o.problems())));
        for (Check check : checks) {
            out.println((check.holds() ? "ok    " : "FAILED") + " " + check.name());
            check.problems().stream().limit(SHOWN_PROBLEMS).forEach(p -> out.println("         " + p));
        }
        out.println(passed() ? "PASSED: nothing accepted was lost or duplicated, every check holds"
                : "FAILED: " + lost() + " lost, " + duplicated() + " duplicated, " + failedChecks().size()
                + " checks failed");
    }

    static String clock(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
