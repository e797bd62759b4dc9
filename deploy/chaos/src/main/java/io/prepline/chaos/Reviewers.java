package io.prepline.chaos;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reviewers working the queue: each round they decide the oldest answers waiting for a person (approve or reject,
 * alternately), and now and then overturn an automatic approval, which takes its XP away again.
 */
final class Reviewers {

    private static final long ROUND_MS = 1_000;
    private static final int OVERTURN_EVERY = 5;

    record Decision(String decision, String comment) {
    }

    private final Http http;
    private final String answersUrl;
    private final List<User> reviewers;
    private final AtomicInteger decided = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean running = true;
    private Thread worker;

    Reviewers(Http http, String answersUrl, List<User> reviewers) {
        this.http = http;
        this.answersUrl = answersUrl;
        this.reviewers = List.copyOf(reviewers);
    }

    void start() {
        worker = Thread.ofPlatform().name("chaos-reviewers").daemon().start(() -> {
            for (int round = 0; running; round++) {
                User reviewer = reviewers.get(round % reviewers.size());
                decideQueue(reviewer, "NEEDS_REVIEW", 10, round);
                if (round % OVERTURN_EVERY == 0) {
                    decideQueue(reviewer, "APPROVED", 1, 1);
                }
                Sleep.millis(ROUND_MS);
            }
        });
    }

    void stop() throws InterruptedException {
        running = false;
        worker.join();
    }

    /** Decides up to {@code limit} answers of the queue with {@code status}; odd rounds reject. */
    private void decideQueue(User reviewer, String status, int limit, int round) {
        Http.Response page = http.get(answersUrl + "/api/v1/reviews?status=" + status + "&limit=" + limit,
                reviewer.token());
        if (!page.ok()) {
            failed.incrementAndGet();
            return;
        }
        int n = 0;
        for (JsonNode item : page.body().path("items")) {
            String decision = (round + n++) % 2 == 0 ? "APPROVED" : "REJECTED";
            Http.Response response = http.post(answersUrl + "/api/v1/reviews/" + item.path("answerId").asText()
                    + "/decision", reviewer.token(), new Decision(decision, "Checked against the rubric."), Map.of());
            count(response);
        }
    }

    private void count(Http.Response response) {
        if (response.ok()) {
            decided.incrementAndGet();
        } else if (response.status() == 409) {
            // another reviewer, a re-score or a score arriving: what reviewers meet every day
            conflicts.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    String summary() {
        return decided.get() + " decisions, " + conflicts.get() + " conflicts (409), " + failed.get()
                + " failed requests";
    }
}
