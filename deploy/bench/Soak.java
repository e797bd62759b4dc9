import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak of the running stack: a steady mix of catalogue reads, searches, answer submissions, live-status streams (SSE)
 * and reviewer decisions for a while, with every service's RSS sampled. Prints per operation the count, errors, p50,
 * p99 and max; per service the RSS after the warm-up and at the end; exits 1 on any error (a status other than the
 * operation's expected ones, or no response) or when a service's RSS in the last minute is more than 10 % above its
 * RSS in the first minute after the warm-up.
 * Usage: java Soak.java QUESTIONS_URL ANSWERS_URL SECONDS WARMUP_SECONDS PIDS_FILE TOKENS_FILE
 * PIDS_FILE: lines "service pid"; TOKENS_FILE: lines "role token" (several candidates, one or more reviewers).
 * Rates per second (open loop, each request on its own schedule): 20 catalogue reads (list, detail), 5 searches,
 * 2 submissions, 1 stream (opened for an answer just submitted, read up to its first status event), 0.5 reviewer
 * rounds (queue, claim, decision).
 */
public class Soak {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PARTS = Pattern.compile("\"parts\"\\s*:\\s*(\\d+)");
    private static final List<String> TERMS = List.of("cache", "latency", "database", "index", "kafka", "model",
            "test", "design", "consistency", "queue");
    private static final String ANSWER = """
            ## Approach

            I would start from the requirements and the failure modes, then compare two designs. The first keeps the
            state in one database with an index on the lookup key, which is simple and consistent. The second adds a
            cache in front of it, which lowers latency but needs an invalidation strategy and a bound on staleness.

            - Measure before optimising: p99 latency, throughput and error rate under a realistic load.
            - Keep writes idempotent so retries after a timeout are safe.
            - Test the failure paths: a slow dependency, a full queue, a restart in the middle of a request.

            The trade-off is operational cost against latency; I would pick the simple design first and add the
            cache once the measurements show the database is the bottleneck. Answer %d.
            """;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService workers = Executors.newFixedThreadPool(48);
    private final Map<String, Op> ops = new LinkedHashMap<>();
    private final String questions;
    private final String answers;
    private final List<String> candidates;
    private final List<String> reviewers;
    private final List<String> slugs = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean measuring;

    /** One operation's latencies (measured part of the run only) and failures (the whole run). */
    static final class Op {
        final ConcurrentLinkedQueue<Long> latenciesNs = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final AtomicInteger count = new AtomicInteger();
    }

    Soak(String questions, String answers, List<String> candidates, List<String> reviewers) {
        this.questions = questions;
        this.answers = answers;
        this.candidates = candidates;
        this.reviewers = reviewers;
        for (String name : List.of("catalogue list", "catalogue detail", "search", "submit", "stream first event",
                "review queue", "claim", "decide")) {
            ops.put(name, new Op());
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[4]))) {
            String[] p = line.trim().split("\\s+");
            pids.put(p[0], Long.parseLong(p[1]));
        }
        List<String> candidates = new ArrayList<>();
        List<String> reviewers = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[5]))) {
            String[] t = line.trim().split("\\s+", 2);
            (t[0].equals("reviewer") ? reviewers : candidates).add(t[1]);
        }
        Soak soak = new Soak(args[0], args[1], candidates, reviewers);
        soak.loadSlugs();
        System.out.printf("soak: %d s (the first %d s warm-up, not measured), %d questions, %d candidates, "
                + "%d reviewers%n", seconds, warmup, soak.slugs.size(), candidates.size(), reviewers.size());
        Map<String, List<long[]>> rss = soak.run(seconds, warmup, pids);
        boolean ok = soak.report(rss, warmup);
        System.exit(ok ? 0 : 1);
    }

    private void loadSlugs() throws IOException, InterruptedException {
        HttpResponse<String> list = http.send(get(questions + "/api/v1/questions?limit=50", candidates.get(0)),
                HttpResponse.BodyHandlers.ofString());
        // questions without parts: an answer to a question with parts names one
        String[] items = list.body().split("\\{\"id\"");
        for (String item : items) {
            Matcher slug = SLUG.matcher(item);
            Matcher parts = PARTS.matcher(item);
            if (slug.find() && (!parts.find() || parts.group(1).equals("0"))) {
                slugs.add(slug.group(1));
            }
        }
        if (slugs.isEmpty()) {
            throw new IllegalStateException("the catalogue lists no question: " + list.statusCode());
        }
    }

    private Map<String, List<long[]>> run(int seconds, int warmup, Map<String, Long> pids)
            throws InterruptedException {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
        long started = System.nanoTime();
        Map<String, List<long[]>> rss = new ConcurrentHashMap<>();
        pids.keySet().forEach(s -> rss.put(s, Collections.synchronizedList(new ArrayList<>())));
        every(timer, 50, () -> workers.submit(this::catalogueRead));
        every(timer, 200, () -> workers.submit(this::search));
        every(timer, 500, () -> workers.submit(this::submit));
        every(timer, 1000, () -> workers.submit(this::stream));
        every(timer, 2000, () -> workers.submit(this::review));
        timer.scheduleAtFixedRate(() -> pids.forEach((service, pid) -> rssKb(pid).ifPresent(kb ->
                rss.get(service).add(new long[] {(System.nanoTime() - started) / 1_000_000_000L, kb}))),
                0, 5, TimeUnit.SECONDS);
        Thread.sleep(warmup * 1000L);
        ops.values().forEach(op -> op.latenciesNs.clear());
        measuring = true;
        long last = 0;
        while ((System.nanoTime() - started) / 1_000_000_000L < seconds) {
            Thread.sleep(1000);
            long now = (System.nanoTime() - started) / 1_000_000_000L;
            if (now / 60 != last / 60) {
                System.out.printf("  %4d s: %s%n", now, progress(rss));
            }
            last = now;
        }
        timer.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        return rss;
    }

    private String progress(Map<String, List<long[]>> rss) {
        StringBuilder line = new StringBuilder();
        ops.forEach((name, op) -> line.append(name).append(' ').append(op.count.get())
                .append(op.errors.isEmpty() ? "" : " (" + op.errors.size() + " errors)").append(", "));
        rss.forEach((service, samples) -> {
            synchronized (samples) {
                if (!samples.isEmpty()) {
                    line.append(service).append(' ').append(samples.get(samples.size() - 1)[1] / 1024)
                            .append(" MB, ");
                }
            }
        });
        return line.substring(0, line.length() - 2);
    }

    private static void every(ScheduledExecutorService timer, long periodMs, Runnable task) {
        timer.scheduleAtFixedRate(task, ThreadLocalRandom.current().nextLong(periodMs), periodMs,
                TimeUnit.MILLISECONDS);
    }

    private void catalogueRead() {
        String token = any(candidates);
        if (ThreadLocalRandom.current().nextBoolean()) {
            call("catalogue list", get(questions + "/api/v1/questions?limit=20&sort=popular", token), 200);
        } else {
            call("catalogue detail", get(questions + "/api/v1/questions/" + any(slugs), token), 200);
        }
    }

    private void search() {
        String q = URLEncoder.encode(any(TERMS), StandardCharsets.UTF_8);
        call("search", get(questions + "/api/v1/questions?q=" + q + "&limit=10", any(candidates)), 200);
    }

    /** Every third answer is one line: the scorer is not confident about it, so it waits for a reviewer. */
    private void submit() {
        int n = sequence.incrementAndGet();
        String answer = n % 3 == 0 ? "Pruning removes weights. Answer " + n + "." : ANSWER.formatted(n);
        String body = "{\"question\":\"" + any(slugs) + "\",\"body\":" + quote(answer) + "}";
        String token = candidates.get(n % candidates.size());
        HttpRequest request = HttpRequest.newBuilder(URI.create(answers + "/api/v1/answers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        call("submit", request, 202).ifPresent(response -> {
            Matcher m = ID.matcher(response);
            if (m.find()) {
                submitted.add(m.group(1) + " " + token);
            }
        });
    }

    /** Opens the live status of an answer just submitted, by its owner, and reads up to its first event. */
    private void stream() {
        String next = submitted.poll();
        if (next == null) {
            return;
        }
        String[] answer = next.split(" ");
        HttpRequest request = HttpRequest.newBuilder(URI.create(answers + "/api/v1/answers/" + answer[0] + "/events"))
                .header("Authorization", "Bearer " + answer[1]).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).GET().build();
        Op op = ops.get("stream first event");
        long start = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    op.errors.add("status " + response.statusCode());
                    return;
                }
                String line;
                while ((line = in.readLine()) != null && !line.startsWith("data:")) {
                    // comments and event names before the first data line
                }
                if (line == null) {
                    op.errors.add("the stream ended before its first event");
                    return;
                }
                record(op, start);
            }
        } catch (IOException e) {
            op.errors.add(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A reviewer takes the oldest answer waiting for review, claims it and decides it. */
    private void review() {
        String token = any(reviewers);
        call("review queue", get(answers + "/api/v1/reviews?status=NEEDS_REVIEW&limit=5", token), 200)
                .ifPresent(queue -> {
                    Matcher m = Pattern.compile("\"answerId\"\\s*:\\s*\"([^\"]+)\"").matcher(queue);
                    List<String> waiting = new ArrayList<>();
                    while (m.find()) {
                        waiting.add(m.group(1));
                    }
                    if (waiting.isEmpty()) {
                        return;
                    }
                    String id = any(waiting);
                    HttpRequest claim = HttpRequest.newBuilder(URI.create(answers + "/api/v1/reviews/" + id + "/claim"))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody()).build();
                    // 409: the other reviewer took it a moment earlier, as happens between colleagues
                    if (!call("claim", claim, 200, 409).map(body -> body.contains("claimedUntil")).orElse(false)) {
                        return;
                    }
                    String decision = "{\"decision\":\"" + (ThreadLocalRandom.current().nextBoolean() ? "APPROVED"
                            : "REJECTED") + "\",\"comment\":\"Reviewed in the soak run.\"}";
                    HttpRequest decide = HttpRequest.newBuilder(
                                    URI.create(answers + "/api/v1/reviews/" + id + "/decision"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(decision))
                            .build();
                    call("decide", decide, 200);
                });
    }

    /** The body when the status is one of those expected (the first is the success), else an error. */
    private Optional<String> call(String name, HttpRequest request, int... expected) {
        Op op = ops.get(name);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (java.util.Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
                op.errors.add(request.method() + " " + request.uri().getPath() + " -> " + response.statusCode()
                        + " " + response.body().substring(0, Math.min(300, response.body().length())));
                return Optional.empty();
            }
            record(op, start);
            return Optional.of(response.body());
        } catch (IOException e) {
            op.errors.add(request.method() + " " + request.uri().getPath() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private void record(Op op, long startNs) {
        op.count.incrementAndGet();
        if (measuring) {
            op.latenciesNs.add(System.nanoTime() - startNs);
        }
    }

    private boolean report(Map<String, List<long[]>> rss, int warmup) {
        boolean ok = true;
        System.out.printf("%n%-20s %8s %7s %9s %9s %9s%n", "operation", "count", "errors", "p50 ms", "p99 ms",
                "max ms");
        for (Map.Entry<String, Op> e : ops.entrySet()) {
            List<Long> l = new ArrayList<>(e.getValue().latenciesNs);
            Collections.sort(l);
            System.out.printf(Locale.ROOT, "%-20s %8d %7d %9.1f %9.1f %9.1f%n", e.getKey(), e.getValue().count.get(),
                    e.getValue().errors.size(), pct(l, 0.50), pct(l, 0.99), l.isEmpty() ? 0 : l.get(l.size() - 1) / 1e6);
            ok &= e.getValue().errors.isEmpty();
            e.getValue().errors.stream().distinct().limit(5).forEach(err -> System.out.println("    error: " + err));
        }
        System.out.printf("%n%-18s %16s %16s %9s %9s %8s%n", "service RSS (MB)", "1st min after wu", "last min",
                "min", "max", "growth");
        for (Map.Entry<String, List<long[]>> e : rss.entrySet()) {
            List<long[]> after = e.getValue().stream().filter(s -> s[0] >= warmup).toList();
            if (after.isEmpty()) {
                System.out.println(e.getKey() + ": no samples");
                ok = false;
                continue;
            }
            long end = after.get(after.size() - 1)[0];
            double first = mean(after.stream().filter(s -> s[0] < warmup + 60).toList());
            double last = mean(after.stream().filter(s -> s[0] > end - 60).toList());
            long min = after.stream().mapToLong(s -> s[1]).min().orElse(0);
            long max = after.stream().mapToLong(s -> s[1]).max().orElse(0);
            double growth = (last - first) / first * 100;
            System.out.printf(Locale.ROOT, "%-18s %16.0f %16.0f %9d %9d %7.1f%%%n", e.getKey(), first / 1024,
                    last / 1024, min / 1024, max / 1024, growth);
            ok &= growth <= 10;
        }
        System.out.println(ok ? "soak: passed (no errors, RSS flat within 10 % after the warm-up)" : "soak: FAILED");
        return ok;
    }

    private static double mean(List<long[]> samples) {
        return samples.stream().mapToLong(s -> s[1]).average().orElse(Double.NaN);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1))
                / 1e6;
    }

    private static Optional<Long> rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException e) {
            // the process is gone: no sample
        }
        return Optional.empty();
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static <T> T any(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
