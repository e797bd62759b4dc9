package io.prepline.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Candidates submitting answers at a steady rate, each on a client of its own that behaves as a careful app does: one
 * idempotency key per answer, sent again (with the same key) after a failure until the answer is accepted.
 */
final class Submissions {

    /** A client keeps trying for this long before it gives up on an answer. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);
    private static final long MAX_BACKOFF_MS = 4_000;

    /** The request body of {@code POST /api/v1/answers}. */
    record Submission(String question, Integer part, String body) {
    }

    private final Http http;
    private final String answersUrl;
    private final List<User> candidates;
    private final LoadQuestions questions;
    private final Ledger ledger;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private Thread pacer;

    Submissions(Http http, String answersUrl, List<User> candidates, LoadQuestions questions, Ledger ledger) {
        this.http = http;
        this.answersUrl = answersUrl;
        this.candidates = List.copyOf(candidates);
        this.questions = questions;
        this.ledger = ledger;
    }

    /** Starts submitting {@code perSecond} answers a second, spread over the candidates and questions. */
    void start(double perSecond) {
        long periodNs = (long) (1e9 / perSecond);
        pacer = Thread.ofPlatform().name("chaos-submissions").daemon().start(() -> {
            long start = System.nanoTime();
            for (int n = 0; running; n++) {
                int index = n;
                clients.submit(() -> submit(index));
                LockSupport.parkNanos(start + (n + 1) * periodNs - System.nanoTime());
            }
        });
    }

    /** Stops submitting and waits for the clients still trying. */
    void stop() throws InterruptedException {
        running = false;
        pacer.join();
        clients.shutdown();
        clients.awaitTermination(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS);
    }

    private void submit(int n) {
        User candidate = candidates.get(n % candidates.size());
        String key = UUID.randomUUID().toString();
        String slug = questions.slug(n);
        Submission submission = new Submission(slug, null, questions.answer(n));
        Instant first = Instant.now();
        long backoffMs = 250;
        for (int attempt = 1; ; attempt++) {
            Http.Response response = http.post(answersUrl + "/api/v1/answers", candidate.token(), submission,
                    Map.of("Idempotency-Key", key));
            if (response.status() == 202) {
                ledger.accepted(new Ledger.Accepted(candidate.id(), key, response.body().path("id").asText(),
                        slug, Instant.now(), attempt));
                return;
            }
            if (!response.transientFailure()) {
                ledger.refused(response.describe());
                return;
            }
            if (Instant.now().isAfter(first.plus(GIVE_UP_AFTER))) {
                ledger.gaveUp();
                return;
            }
            ledger.retried();
            Sleep.millis(backoffMs);
            backoffMs = Math.min(2 * backoffMs, MAX_BACKOFF_MS);
        }
    }
}
