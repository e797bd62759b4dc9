import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.prepline.devstack.JwtKeys;

/**
 * End-to-end latency of the running stack: submits answers at a fixed rate and measures, for each accepted answer,
 * the time from the 202 of POST /api/v1/answers to the first event of its live-status stream
 * (GET /api/v1/answers/{id}/events, opened at once, as the candidate's app does) with a status other than SUBMITTED.
 * Usage: java -cp DEVSTACK_JAR E2eLatency.java ANSWERS_URL RATE_PER_S SECONDS QUESTION_SLUG WARMUP_SECONDS FIRST_N
 * IDS_FILE JWT_DIR CANDIDATES
 * WARMUP_SECONDS: an unmeasured run at 2/s before the measured one (0: none, to measure a freshly started stack);
 * FIRST_N: the first N measured answers (in submission order) are also reported on their own; IDS_FILE ("-": none)
 * receives one line per answer: index, answer id, seconds since the run started at submission, latency in ms;
 * JWT_DIR: the local stack's signing keys, for one token per candidate; CANDIDATES: how many candidates take turns
 * (enough to stay within the per-user submission limit and live-stream limit).
 */
public class E2eLatency {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final long GIVE_UP_NS = 30_000_000_000L;
    private static final long SETTLE_MS = 1_000;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String slug = args[3];
        int warmupSeconds = Integer.parseInt(args[4]);
        int firstN = Integer.parseInt(args[5]);
        String idsFile = args[6];
        JwtKeys keys = JwtKeys.loadOrCreate(Path.of(args[7]));
        List<String> tokens = IntStream.rangeClosed(1, Integer.parseInt(args[8]))
                .mapToObj(i -> keys.mint("bench-" + i, List.of("candidate"), Duration.ofHours(1))).toList();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
        if (warmupSeconds > 0) {
            // warm-up, not measured: JIT, connection pools, the rubric's embeddings in the worker's cache
            run(http, timer, base, slug, tokens, 2, warmupSeconds);
            System.out.println("warm-up done (" + warmupSeconds + " s at 2/s)");
        } else {
            // the generator's own start (its JVM, the tokens it signs) has used the CPU up to here: let it settle
            // first, so that the first answers do not share the stack's CPU with it
            Thread.sleep(SETTLE_MS);
            System.out.println("no warm-up: the first answer is the first the stack sees");
        }
        Result result = run(http, timer, base, slug, tokens, rate, seconds);
        timer.shutdownNow();
        report(result, rate, seconds, firstN);
        if (!"-".equals(idsFile)) {
            try (java.io.PrintWriter out = new java.io.PrintWriter(idsFile)) {
                result.answers().stream().sorted(java.util.Comparator.comparingInt(Answer::index)).forEach(a ->
                        out.printf(Locale.ROOT, "%d %s %.3f %s%n", a.index(), a.id(), a.submittedS(),
                                a.latencyNs() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", a.latencyNs() / 1e6)));
            }
        }
        System.exit(result.failures.isEmpty() && result.timedOut.get() == 0 && result.finished ? 0 : 1);
    }

    record Result(List<Long> latenciesNs, ConcurrentLinkedQueue<String> failures, AtomicInteger timedOut,
                  boolean finished, int total, List<Answer> answers) {
    }

    /** One accepted answer: its place in the run, when it was accepted (s since the start), its latency (-1: none). */
    record Answer(int index, String id, double submittedS, long latencyNs) {
    }

    private static Result run(HttpClient http, ScheduledExecutorService timer, String base, String slug,
                              List<String> tokens, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latenciesNs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger timedOut = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        String body = """
                Pruning removes weights, neurons, channels or attention heads that contribute little to the output.
                Unstructured pruning zeroes single weights and needs sparse kernels to be faster; structured pruning
                removes whole channels, which speeds up inference on ordinary hardware. The trade-off is accuracy
                against size and latency, so prune gradually, fine-tune after each step, and compare the pruned model
                with the dense one on a held-out set before shipping it.""";

        long periodNs = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            int n = i;
            timer.schedule(() -> submit(http, base, slug, tokens.get(n % tokens.size()), body + "\n\nRun " + n + ".",
                    timer, latenciesNs, failures, timedOut, done, n, start, answers),
                    start + n * periodNs - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latenciesNs);
        Collections.sort(sorted);
        return new Result(sorted, failures, timedOut, finished, total, new ArrayList<>(answers));
    }

    private static void report(Result r, int rate, int seconds, int firstN) {
        List<Long> sorted = r.latenciesNs();
        ConcurrentLinkedQueue<String> failures = r.failures();
        AtomicInteger timedOut = r.timedOut();
        boolean finished = r.finished();
        int total = r.total();
        System.out.printf(Locale.ROOT, "submitted %d at %d/s for %d s; status left SUBMITTED for %d; failed %d; "
                + "still SUBMITTED after 30 s %d%s%n", total, rate, seconds, sorted.size(), failures.size(),
                timedOut.get(), finished ? "" : " (run did not finish)");
        if (!sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "latency ms (to the live-status event): p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n",
                    ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted.getLast() / 1e6);
        }
        failures.stream().limit(5).forEach(f -> System.out.println("failure: " + f));
        List<Answer> byIndex = r.answers().stream().sorted(java.util.Comparator.comparingInt(Answer::index)).toList();
        if (firstN > 0 && !byIndex.isEmpty()) {
            summary("first " + firstN + " answers", byIndex.stream().filter(a -> a.index() < firstN).toList());
            summary("the rest", byIndex.stream().filter(a -> a.index() >= firstN).toList());
        }
        // when the latency settles: per 10 s of the run, by submission time
        for (int w = 0; w * 10 < seconds; w++) {
            int from = w * 10;
            summary(String.format(Locale.ROOT, "submitted in s %d-%d", from, from + 10), byIndex.stream()
                    .filter(a -> a.submittedS() >= from && a.submittedS() < from + 10).toList());
        }
    }

    private static void summary(String label, List<Answer> answers) {
        List<Long> sorted = answers.stream().map(Answer::latencyNs).filter(l -> l >= 0).sorted().toList();
        long missing = answers.size() - sorted.size();
        if (sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %-24s n %3d  no latency%n", label, answers.size());
            return;
        }
        System.out.printf(Locale.ROOT, "  %-24s n %3d  p50 %5.0f  p90 %5.0f  p99 %5.0f  max %5.0f ms%s%n", label,
                sorted.size(), ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted.getLast() / 1e6,
                missing > 0 ? " (" + missing + " without a latency)" : "");
    }

    private static double ms(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static void submit(HttpClient http, String base, String slug, String token, String answer,
                               ScheduledExecutorService timer, ConcurrentLinkedQueue<Long> latencies,
                               ConcurrentLinkedQueue<String> failures, AtomicInteger timedOut, CountDownLatch done,
                               int index, long runStart, ConcurrentLinkedQueue<Answer> answers) {
        String json = "{\"question\":\"" + slug + "\",\"body\":\"" + answer.replace("\n", "\\n") + "\"}";
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/answers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long accepted = System.nanoTime();
            if (error != null || response.statusCode() != 202) {
                failures.add(error != null ? error.toString() : response.statusCode() + " " + response.body());
                done.countDown();
                return;
            }
            Matcher id = ID.matcher(response.body());
            if (!id.find()) {
                failures.add("no id in " + response.body());
                done.countDown();
                return;
            }
            String answerId = id.group(1);
            double submittedS = (accepted - runStart) / 1e9;
            follow(http, base + "/api/v1/answers/" + answerId + "/events", token, accepted, timer, latencies,
                    failures, timedOut, done, latency -> answers.add(new Answer(index, answerId, submittedS, latency)));
        });
    }

    /** Opens the answer's live-status stream and waits for its first status other than SUBMITTED (at most 30 s). */
    private static void follow(HttpClient http, String url, String token, long accepted, ScheduledExecutorService timer,
                               ConcurrentLinkedQueue<Long> latencies, ConcurrentLinkedQueue<String> failures,
                               AtomicInteger timedOut, CountDownLatch done, LongConsumer outcome) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        AtomicBoolean settled = new AtomicBoolean();
        LongConsumer settle = latency -> {
            if (settled.compareAndSet(false, true)) {
                if (latency >= 0) {
                    latencies.add(latency);
                }
                outcome.accept(latency);
                done.countDown();
            }
        };
        StatusWatch watch = new StatusWatch(() -> settle.accept(System.nanoTime() - accepted));
        timer.schedule(() -> {
            if (!settled.get()) {
                timedOut.incrementAndGet();
                settle.accept(-1);
            }
            watch.cancel();
        }, GIVE_UP_NS - (System.nanoTime() - accepted), TimeUnit.NANOSECONDS);
        http.sendAsync(get, HttpResponse.BodyHandlers.fromLineSubscriber(watch)).whenComplete((response, error) -> {
            if (error != null || response.statusCode() != 200) {
                if (!settled.get()) {
                    failures.add("GET " + url + ": " + (error != null ? error : response.statusCode()));
                    settle.accept(-1);
                }
            }
        });
    }

    /** Reads an event stream line by line until an event named other than SUBMITTED, then drops the stream. */
    static final class StatusWatch implements Flow.Subscriber<String> {
        private final Runnable onLeftSubmitted;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        StatusWatch(Runnable onLeftSubmitted) {
            this.onLeftSubmitted = onLeftSubmitted;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:") && !"SUBMITTED".equals(line.substring(6).strip())) {
                onLeftSubmitted.run();
                cancel();
            }
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
