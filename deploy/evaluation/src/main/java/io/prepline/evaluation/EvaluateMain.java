package io.prepline.evaluation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.prepline.review.scoring.RubricScorer;
import io.prepline.review.scoring.ScoreDocument;

/**
 * Scores every answer of a human-graded JSON-lines file and prints how well the scorer agrees with the graders.
 * <pre>
 * EvaluateMain [--json] [--split all|calibration|report] [--calibrate] FILE.jsonl
 * </pre>
 * An item's score is its best score over its reference answers (each reference is a rubric of its own). With
 * {@code --json} stdout carries exactly one JSON object; progress goes to stderr. {@code --split} keeps one half of
 * the questions (split by a hash of the question id); {@code --calibrate} fits the scorer's calibration on the
 * chosen items and prints it.
 */
public final class EvaluateMain {

    private EvaluateMain() {
    }

    /** An item's score against its best reference, with the scorer's confidence in it. */
    record Scored(GradedItem item, int overall, double confidence) {
    }

    public static void main(String[] args) throws Exception {
        boolean asJson = false;
        boolean calibrate = false;
        GradedItem.Split split = GradedItem.Split.ALL;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> asJson = true;
                case "--calibrate" -> calibrate = true;
                case "--split" -> {
                    if (i + 1 >= args.length) {
                        usage("--split needs a value");
                    }
                    split = GradedItem.Split.valueOf(args[++i].toUpperCase(Locale.ROOT));
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        usage("unexpected argument " + args[i]);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            usage("no file given");
        }
        if (!Files.isReadable(file)) {
            System.err.println("error: cannot read " + file);
            System.exit(2);
        }
        // whatever libraries print while scoring must not reach stdout
        PrintStream stdout = System.out;
        System.setOut(System.err);

        List<GradedItem> items = new ArrayList<>();
        for (GradedItem item : GradedItem.read(file)) {
            if (split.contains(item)) {
                items.add(item);
            }
        }
        System.err.printf("evaluating %d items of %s (split %s)%n", items.size(), file, split);
        if (calibrate) {
            RubricScorer.Calibration fitted = Calibrator.fit(items);
            stdout.println(fitted);
            return;
        }
        RubricScorer scorer = new RubricScorer(RubricScorer.Calibration.DEFAULT, 8192);
        List<Scored> scored = score(scorer, items);
        Map<String, Object> report = report(scored);
        if (asJson) {
            stdout.println(new ObjectMapper().writeValueAsString(report));
        } else {
            printTable(stdout, report);
        }
        stdout.flush();
    }

    static List<Scored> score(RubricScorer scorer, List<GradedItem> items) throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Scored>> futures = new ArrayList<>();
            for (GradedItem item : items) {
                futures.add(pool.submit(() -> {
                    ScoreDocument best = null;
                    for (var rubric : item.rubrics()) {
                        ScoreDocument doc = scorer.score(rubric, item.answer());
                        if (best == null || doc.overall() > best.overall()) {
                            best = doc;
                        }
                    }
                    return new Scored(item, best.overall(), best.confidence());
                }));
            }
            List<Scored> out = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < futures.size(); i++) {
                out.add(futures.get(i).get());
                if ((i + 1) % 1000 == 0) {
                    System.err.printf("  %d/%d scored (%.0f s)%n", i + 1, futures.size(),
                            (System.nanoTime() - started) / 1e9);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Object> report(List<Scored> scored) {
        Map<String, List<Metrics.Pair>> byCorpus = new TreeMap<>();
        List<Metrics.Pair> all = new ArrayList<>();
        for (Scored s : scored) {
            GradedItem it = s.item();
            double predicted = it.min() + s.overall() / 100.0 * (it.max() - it.min());
            Metrics.Pair pair = new Metrics.Pair(it.score(), predicted, it.min(), it.max(),
                    s.overall() >= RubricScorer.PASS_THRESHOLD);
            all.add(pair);
            byCorpus.computeIfAbsent(it.corpus(), k -> new ArrayList<>()).add(pair);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("overall", Metrics.of(all));
        Map<String, Object> corpora = new LinkedHashMap<>();
        byCorpus.forEach((corpus, pairs) -> corpora.put(corpus, Metrics.of(pairs)));
        report.put("corpora", corpora);
        report.put("reliability", reliability(scored));
        return report;
    }

    /** Confidence bands and how often the pass/fail verdict agrees with the human label in each (0/1 scales only). */
    static List<Map<String, Object>> reliability(List<Scored> scored) {
        double[] from = {0.0, 0.5, 0.6, 0.7, 0.8, 0.9};
        List<Map<String, Object>> bands = new ArrayList<>();
        for (int b = 0; b <= from.length; b++) {
            double low = b < from.length ? from[b] : 0.8;
            double high = b < from.length - 1 ? from[b + 1] : 1.01;
            int n = 0;
            int agree = 0;
            for (Scored s : scored) {
                GradedItem it = s.item();
                if (it.min() != 0 || it.max() != 1 || s.confidence() < low || s.confidence() >= high) {
                    continue;
                }
                n++;
                boolean human = it.score() >= 0.5;
                agree += (s.overall() >= RubricScorer.PASS_THRESHOLD) == human ? 1 : 0;
            }
            Map<String, Object> band = new LinkedHashMap<>();
            band.put("confidence", b < from.length ? String.format(Locale.ROOT, "%.1f-%.1f", low, Math.min(1, high))
                    : ">= 0.8");
            band.put("n", n);
            band.put("agreement", n == 0 ? null : (double) agree / n);
            bands.add(band);
        }
        return bands;
    }

    @SuppressWarnings("unchecked")
    private static void printTable(PrintStream out, Map<String, Object> report) {
        out.printf("scorer %s, pass threshold %d/100%n", RubricScorer.VERSION, RubricScorer.PASS_THRESHOLD);
        out.printf("%-16s %6s %8s %8s %8s %8s %8s %8s%n", "corpus", "n", "pearson", "spearman", "rmse", "accuracy",
                "macro_f1", "wtd_f1");
        Map<String, Object> corpora = (Map<String, Object>) report.get("corpora");
        for (var e : corpora.entrySet()) {
            row(out, e.getKey(), (Map<String, Object>) e.getValue());
        }
        row(out, "overall", (Map<String, Object>) report.get("overall"));
        out.printf("%nreliability (0/1 items): confidence band, n, verdict agrees with the human label%n");
        for (Map<String, Object> band : (List<Map<String, Object>>) report.get("reliability")) {
            out.printf("%-10s %6s %8s%n", band.get("confidence"), band.get("n"), fmt(band.get("agreement")));
        }
    }

    private static void row(PrintStream out, String name, Map<String, Object> m) {
        out.printf("%-16s %6s %8s %8s %8s %8s %8s %8s%n", name, m.get("n"), fmt(m.get("pearson")),
                fmt(m.get("spearman")), fmt(m.get("rmse")), fmt(m.get("accuracy")), fmt(m.get("macro_f1")),
                fmt(m.get("weighted_f1")));
    }

    private static String fmt(Object v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", ((Number) v).doubleValue());
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: evaluate [--json] [--split all|calibration|report] [--calibrate] FILE.jsonl");
        System.exit(2);
    }
}
