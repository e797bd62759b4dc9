package io.prepline.chaos;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An author revising the rubrics of the questions under load, one question after the other: every revision is a new
 * rubric version, which the catalogue publishes and which re-scores that question's answers.
 */
final class RubricEdits {

    private final Http http;
    private final String questionsUrl;
    private final String authorToken;
    private final LoadQuestions questions;
    private final Duration every;
    private final AtomicInteger revised = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean running = true;
    private Thread worker;

    RubricEdits(Http http, String questionsUrl, String authorToken, LoadQuestions questions, Duration every) {
        this.http = http;
        this.questionsUrl = questionsUrl;
        this.authorToken = authorToken;
        this.questions = questions;
        this.every = every;
    }

    void start() {
        worker = Thread.ofPlatform().name("chaos-rubric-edits").daemon().start(() -> {
            for (int n = 0; running; n++) {
                Sleep.of(every);
                if (running) {
                    revise(questions.slug(n), n);
                }
            }
        });
    }

    void stop() throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join();
    }

    /**
     * Rewords the title of the rubric's first criterion and saves the rubric as its next version, on the condition
     * (If-Match) that nothing changed the question since it was read.
     */
    private void revise(String slug, int n) {
        String url = questionsUrl + "/api/v1/questions/" + slug + "/rubric";
        Http.Response current = http.get(url, authorToken);
        JsonNode rubric = current.body().path("rubric");
        if (!current.ok() || !rubric.isObject() || current.etag() == null) {
            failed.incrementAndGet();
            return;
        }
        ObjectNode revision = ((ObjectNode) rubric).deepCopy();
        revision.remove("version");
        ObjectNode first = (ObjectNode) revision.path("criteria").path(0);
        first.put("title", first.path("title").asText().replaceAll(" \\(revision \\d+\\)$", "")
                + " (revision " + (n + 1) + ")");
        ObjectNode update = Http.JSON.createObjectNode();
        update.set("rubric", revision);
        if (http.put(url, authorToken, update, current.etag()).ok()) {
            revised.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    String summary() {
        return revised.get() + " rubric revisions, " + failed.get() + " failed";
    }
}
