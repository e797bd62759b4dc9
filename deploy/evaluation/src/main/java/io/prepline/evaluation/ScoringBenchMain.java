package io.prepline.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.prepline.review.scoring.HostileInputs;
import io.prepline.review.scoring.Rubric;
import io.prepline.review.scoring.RubricScorer;
import io.prepline.review.scoring.ScoreDocument;
import io.prepline.review.scoring.SentenceModel;

/**
 * Scoring throughput: 600-word answers against a rubric of 6 criteria x 4 points (24 points, prepared once and
 * cached as in the worker). The baseline, measured in the same run, embeds the same answers' sentences one call each
 * and does nothing else: the floor of any scorer built on this model.
 * <pre>ScoringBenchMain [threads] [seconds]</pre>
 */
public final class ScoringBenchMain {

    private static final String[] SENTENCES = {
        "Pruning removes weights of a trained network that contribute little to the output.",
        "Magnitude pruning sets the smallest weights to zero and keeps the rest unchanged.",
        "Structured pruning removes whole channels, filters or attention heads from the layers.",
        "Sparse matrices only run faster when the hardware or the library has sparse kernels.",
        "A smaller model usually loses a little accuracy, which may be acceptable for the latency gain.",
        "Pruning too much in one step destroys accuracy, so I prune gradually and fine-tune after each step.",
        "I compare the pruned model with the unpruned baseline on a held-out test set.",
        "Latency, throughput and memory footprint matter as much as accuracy in production.",
        "Quantization is a complementary technique that stores weights in eight-bit integers.",
        "Knowledge distillation trains a small student model to imitate a large teacher.",
        "The lottery ticket hypothesis suggests that sparse subnetworks can train to full accuracy.",
        "Global pruning ranks weights across all layers, while layer-wise pruning keeps a fixed ratio per layer.",
        "Batch normalization layers need to be recalibrated after channels are removed.",
        "On mobile devices the energy cost of memory access often dominates the cost of arithmetic.",
        "I would monitor the accuracy of each class separately because rare classes degrade first.",
        "A sensitivity analysis per layer shows which layers tolerate pruning and which do not.",
        "Regularization such as L1 encourages weights to become small and therefore easy to prune.",
        "The pruning schedule is a hyperparameter that needs tuning like the learning rate.",
        "After pruning, exporting the model to ONNX lets the runtime fuse the remaining operations.",
        "I would A/B test the pruned model before rolling it out to all users.",
        "Embedding layers in recommendation models are often the largest part and benefit most from pruning.",
        "Attention heads in transformers are frequently redundant and can be removed with little loss.",
        "Checking calibration matters because pruned models can become overconfident.",
        "The final report lists accuracy, p99 latency, model size and the hardware used.",
    };

    private ScoringBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Rubric rubric = rubric();
        RubricScorer scorer = new RubricScorer();
        String first = answer(0, 600);
        System.out.printf(Locale.ROOT, "rubric: %d criteria, %d points; answer: %d words, %d sentences; %d thread(s), "
                + "%d cores visible%n", rubric.criteria().size(),
                rubric.criteria().stream().mapToInt(c -> c.points().size()).sum(),
                first.split("\\s+").length, sentences(first).size(), threads,
                Runtime.getRuntime().availableProcessors());

        ScoreDocument sample = scorer.score(rubric, first);
        System.out.printf(Locale.ROOT, "sample score: overall %d, verdict %s, flags %s%n", sample.overall(),
                sample.verdict(), sample.flags());

        // warm up both paths
        // every answer is new (its sentences are numbered by the answer), so no cached vector is ever reused
        run(threads, 5, i -> embedAll(sentences(answer(1_000_000 + i, 600))));
        run(threads, 5, i -> scorer.score(rubric, answer(2_000_000 + i, 600)));

        Rate baseline = run(threads, seconds, i -> embedAll(sentences(answer(3_000_000 + i, 600))));
        Rate scoring = run(threads, seconds, i -> scorer.score(rubric, answer(4_000_000 + i, 600)));
        System.out.printf(Locale.ROOT, "baseline (embed every sentence of the answer, nothing else): %6.1f answers/s "
                + "wall, %6.1f answers per CPU-second%n", baseline.perSecond(), baseline.perCpuSecond());
        System.out.printf(Locale.ROOT, "scorer (full score document):                                %6.1f answers/s "
                + "wall, %6.1f answers per CPU-second%n", scoring.perSecond(), scoring.perCpuSecond());
        System.out.printf(Locale.ROOT, "per core: %.1f answers/s (CPU time %.1f ms per answer; baseline %.1f)%n",
                scoring.perCpuSecond(), 1000 / scoring.perCpuSecond(), baseline.perCpuSecond());
        hostileInputs(scorer);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "memory: heap used %d MB, resident %s%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, residentMemory());
    }

    /** CPU time of each hostile input at the submission limit, scored once on this thread (nothing cached). */
    private static void hostileInputs(RubricScorer scorer) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Rubric rubric = rubric();
        System.out.printf(Locale.ROOT, "hostile inputs (20,000 characters each), CPU ms to score (target < 250):%n");
        for (var input : HostileInputs.all(20_000).entrySet()) {
            long start = threads.getCurrentThreadCpuTime();
            ScoreDocument doc = scorer.score(rubric, input.getValue());
            double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "  %-20s %7.1f ms  overall %3d  %s%n", input.getKey(), ms, doc.overall(),
                    doc.flags());
        }
    }

    private static void embedAll(List<String> sentences) {
        for (String s : sentences) {
            SentenceModel.get().encode(s);
        }
    }

    private static List<String> sentences(String answer) {
        return List.of(answer.split("(?<=\\.) "));
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /** Tasks done per wall-clock second and per second of this process's CPU time (= per fully used core). */
    record Rate(double perSecond, double perCpuSecond) {
    }

    /** Runs the task on {@code threads} threads for {@code seconds}. */
    private static Rate run(int threads, int seconds, Task task) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                int done = 0;
                while (!stop.get()) {
                    task.run(offset + done * threads);
                    done++;
                }
                return done;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        int total = 0;
        for (Future<Integer> f : futures) {
            total += f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        pool.shutdown();
        return new Rate(total / elapsed, total / cpu);
    }

    private static String residentMemory() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                return (kb >> 10) + " MB";
            }
        }
        return "unknown";
    }

    /** Answer number {@code a}: the sentences shuffled, each numbered by the answer so that no two are alike. */
    static String answer(int a, int words) {
        Random random = new Random(a);
        List<String> pool = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (n < words) {
            if (pool.isEmpty()) {
                pool.addAll(List.of(SENTENCES));
                Collections.shuffle(pool, random);
            }
            String s = pool.remove(pool.size() - 1).replace(".", " in case " + a + "-" + n + ".");
            sb.append(s).append(' ');
            n += s.split("\\s+").length;
        }
        return sb.toString().strip();
    }

    static Rubric rubric() {
        String[][] criteria = {
            {"definitions", "DEFINITIONS", "pruning removes low-importance weights", "magnitude pruning zeroes the "
                + "smallest weights", "structured pruning removes channels or heads", "sparsity is the share of zero "
                + "weights"},
            {"trade-offs", "TRADE_OFFS", "smaller models may lose accuracy", "sparse models need sparse kernels to be "
                + "faster", "structured pruning speeds up dense hardware", "pruning versus quantization and "
                + "distillation"},
            {"pitfalls", "PITFALLS", "pruning too much at once destroys accuracy", "fine-tune after each pruning step",
                "batch normalization must be recalibrated", "rare classes degrade first"},
            {"evaluation", "EVALUATION", "compare with the unpruned baseline", "measure latency and model size",
                "use a held-out test set", "check calibration of the pruned model"},
            {"process", "PROCESS", "choose a pruning schedule", "run a sensitivity analysis per layer",
                "use global or layer-wise ranking", "export to an optimized runtime"},
            {"production", "PRODUCTION", "A/B test before rollout", "monitor accuracy per class",
                "report p99 latency and hardware", "consider the energy cost on mobile"},
        };
        List<Rubric.Criterion> out = new ArrayList<>();
        for (String[] c : criteria) {
            List<Rubric.Point> points = new ArrayList<>();
            for (int p = 2; p < c.length; p++) {
                String text = c[p];
                String[] words = text.split(" ");
                points.add(new Rubric.Point(c[0] + "-" + (p - 1), text, List.of(
                        List.of(words[0], words[0] + "s"), List.of(words[words.length - 1]))));
            }
            out.add(new Rubric.Criterion(c[0], c[1], "Covers " + c[0], 1.0 / criteria.length, points));
        }
        return new Rubric("bench-question", null, 1, "Explain model pruning and how you would apply it in production.",
                String.join(" ", SENTENCES).substring(0, 400), out);
    }
}
