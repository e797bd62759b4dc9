package io.prepline.conformance.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.conformance.OpenApiContract;

/**
 * The fuzz run (deploy/contract/fuzz): for each service, its OpenAPI document from its management port, requests
 * generated from it ({@link RequestGenerator}) sent with every caller's token, and every response held to the
 * document ({@link OpenApiContract}); a 5xx other than a documented 501 fails too. Prints, per service, the requests
 * sent by status and each kind of finding once with an example; exits 1 on any finding.
 * <p>
 * Usage: {@code Fuzz [--requests N] [--seed S] [--threads T] --token ROLE=TOKEN... NAME=API_URL,MANAGEMENT_URL...}
 * ({@code expired} is a token past its expiry; the management URL is the root of {@code /q}).
 */
public final class Fuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 2 * 1024 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    // HTTP/1.1: with the default (HTTP/2, asked for by an upgrade on every request) a refused large body left the
    // client waiting for its deadline
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens;
    private final Harvest harvest;
    private final int budget;
    private final long seed;
    private final int threads;

    private Fuzz(Map<String, String> tokens, int budget, long seed, int threads) {
        this.tokens = tokens;
        this.harvest = new Harvest(seed);
        this.budget = budget;
        this.seed = seed;
        this.threads = threads;
    }

    record Service(String name, String api, String management) {
    }

    /** What one service's run found. */
    static final class Findings {
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final Map<String, List<String>> byKind = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();

        void status(int status) {
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }

        void finding(String kind, String example) {
            List<String> examples = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
            synchronized (examples) {
                examples.add(example);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        List<Service> services = new ArrayList<>();
        int budget = 2500;
        long seed = 20261202L;
        int threads = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> budget = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--token" -> {
                    String[] t = args[++i].split("=", 2);
                    tokens.put(t[0], t[1]);
                }
                default -> {
                    String[] s = args[i].split("=", 2);
                    String[] urls = s[1].split(",", 2);
                    services.add(new Service(s[0], urls[0], urls[1]));
                }
            }
        }
        tokens.put("garbage", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        Fuzz fuzz = new Fuzz(tokens, budget, seed, threads);
        boolean clean = true;
        for (Service service : services) {
            clean &= fuzz.run(service);
        }
        System.out.println(clean ? "fuzz: no findings" : "fuzz: FINDINGS (see above)");
        System.exit(clean ? 0 : 1);
    }

    private boolean run(Service service) throws Exception {
        long started = System.nanoTime();
        String document = get(service.management() + "/openapi?format=json");
        OpenApiContract contract = OpenApiContract.of(document);
        JsonNode doc = JSON.readTree(document);
        List<String> roles = tokens.keySet().stream()
                .filter(r -> !RequestGenerator.CALLERS_WITHOUT_ROLE.contains(r)).toList();
        RequestGenerator generator = new RequestGenerator(doc, harvest, roles, seed);
        List<RequestGenerator.Operation> operations = generator.operations();
        Findings findings = new Findings();

        // first what lists things, so that later requests can name them; then valid requests, in document order
        for (RequestGenerator.Operation op : operations) {
            if (op.method().equals("get") && !op.hasPathParameters()) {
                generator.valid(op, r -> send(service, r, contract, doc, findings));
            }
        }
        for (RequestGenerator.Operation op : operations) {
            generator.valid(op, r -> send(service, r, contract, doc, findings));
        }
        List<FuzzRequest> requests = new ArrayList<>();
        for (RequestGenerator.Operation op : operations) {
            generator.systematic(op, requests::add);
        }
        while (requests.size() + findings.sent.get() < budget) {
            requests.add(generator.random(operations));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (FuzzRequest request : requests) {
            pool.submit(() -> send(service, request, contract, doc, findings));
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            findings.finding("the run did not finish within 10 minutes", "");
        }
        report(service, findings, (System.nanoTime() - started) / 1_000_000_000.0);
        return findings.byKind.isEmpty();
    }

    private void send(Service service, FuzzRequest request, OpenApiContract contract, JsonNode doc,
                      Findings findings) {
        findings.sent.incrementAndGet();
        try {
            exchange(service, request, contract, doc, findings);
        } catch (IOException first) {
            // the server may close a connection after refusing a large body; the client's next request on it fails
            // without the server having seen it: one more try, on a new connection
            try {
                exchange(service, request, contract, doc, findings);
            } catch (IOException e) {
                findings.finding(request.operation() + ": no response (" + e.getClass().getSimpleName() + ")",
                        request.shown() + "\n      " + e.getMessage());
            }
        }
    }

    private void exchange(Service service, FuzzRequest request, OpenApiContract contract, JsonNode doc,
                          Findings findings) throws IOException {
        HttpRequest http;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.api() + request.target()))
                    .timeout(PATIENCE)
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
            request.headers().forEach(builder::header);
            String token = tokens.get(request.caller());
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            http = builder.build();
        } catch (IllegalArgumentException e) {
            return; // a header value or URI no HTTP client can send
        }
        try {
            HttpResponse<InputStream> response = answer(http);
            String type = response.headers().firstValue("content-type").orElse("");
            String body;
            try (InputStream in = response.body()) {
                // a live stream never ends: its status and content type are what is checked
                body = type.startsWith("text/event-stream") ? null
                        : new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            findings.status(status);
            List<String> violations = new ArrayList<>(contract.violations(request.method(), request.path(), status,
                    response.headers().map(), body));
            if (status > 500 && !(status == 501 && documented(doc, request, status))) {
                violations.add("server error " + status);
            }
            for (String violation : violations) {
                findings.finding(request.operation() + " -> " + status + ": " + violation,
                        request.shown() + "\n      answered " + (body == null ? "" : cut(body)));
            }
            if (status / 100 == 2 && body != null && type.contains("json")) {
                try {
                    harvest.take(JSON.readTree(body));
                } catch (IOException e) {
                    // checked above: not JSON is a finding already
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The response, or an IOException when none came within {@link #PATIENCE}: the client's own timeout starts only
     * once the request is sent, and a body the server stops reading is never sent.
     */
    private HttpResponse<InputStream> answer(HttpRequest http) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(http, HttpResponse.BodyHandlers.ofInputStream());
        try {
            return pending.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no response within " + PATIENCE.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static boolean documented(JsonNode doc, FuzzRequest request, int status) {
        String[] operation = request.operation().split(" ", 2);
        return doc.path("paths").path(operation[1]).path(operation[0].toLowerCase()).path("responses")
                .has(String.valueOf(status));
    }

    private void report(Service service, Findings findings, double seconds) {
        System.out.printf("%n== %s: %d requests in %.0f s; by status %s%n", service.name(), findings.sent.get(),
                seconds, new TreeMap<>(findings.statuses));
        if (findings.byKind.isEmpty()) {
            System.out.println("   no 5xx, no response off the OpenAPI document, no stack trace");
            return;
        }
        new TreeMap<>(findings.byKind).forEach((kind, examples) -> {
            System.out.printf("   FINDING (%d times) %s%n      e.g. %s%n", examples.size(), kind, examples.get(0));
        });
    }

    private static String cut(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
