package io.prepline.question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prepline.devstack.DevStack;

/** Request documents and tokens shared by the tests. */
public final class Fixtures {

    public static final String PRUNING_AMAZON = "explain-model-pruning-and-its-applications-amazon";
    public static final String PRUNING_CAPITAL_ONE = "explain-model-pruning-and-its-applications-capital-one";
    public static final String PRUNING_BREX = "explain-model-pruning-and-its-applications-brex";
    public static final String PRUNING_VS_ZILLOW = "compare-model-pruning-vs-transformers-zillow";
    public static final String KEY_ML_AMAZON = "explain-key-ml-theory-and-techniques-amazon";

    private Fixtures() {
    }

    /** Retries an assertion until it holds or the time is up (for effects of Kafka records). */
    public static void eventually(java.time.Duration timeout, Runnable assertion) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static String author() {
        return DevStack.shared().token("ada", "author");
    }

    public static String admin() {
        return DevStack.shared().token("root", "admin");
    }

    /** A new partner of {@code plan} allowing {@code origins}; its id. */
    public static String partner(String plan, String... origins) {
        return io.restassured.RestAssured.given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("name", "Partner " + UUID.randomUUID(), "plan", plan, "allowedOrigins", List.of(origins)))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
    }

    /** A new key of a partner; the whole key text, shown once. */
    public static String key(String partnerId, String kind) {
        return io.restassured.RestAssured.given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("kind", kind)).post("/api/v1/partners/" + partnerId + "/keys").then().statusCode(201)
                .extract().path("key");
    }

    /** The visible id of a key: {@code sk_xxxxxxxxxxxx}. */
    public static String keyId(String key) {
        return key.substring(0, key.indexOf('_', 3));
    }

    public static String candidate(String user) {
        return DevStack.shared().token(user, "candidate");
    }

    /** The ETag of a question's page as read now: what an author sends as If-Match. */
    public static String etag(String slug) {
        return io.restassured.RestAssured.given().get("/api/v1/questions/" + slug).then().statusCode(200)
                .extract().header("ETag");
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a question (the fixture document, a rubric of two criteria) and answers its new slug. */
    public static String createdQuestion(String prefix) {
        String slug = uniqueSlug(prefix);
        io.restassured.RestAssured.given().auth().oauth2(author()).contentType("application/json")
                .body(question(slug, "Explain " + prefix.replace('-', ' '), "Stripe", "Authoring"))
                .post("/api/v1/questions").then().statusCode(201);
        return slug;
    }

    /** A valid new question with a rubric; callers change what they test. */
    public static Map<String, Object> question(String slug, String title, String company, String topic) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("slug", slug);
        q.put("title", title);
        q.put("overview", "Explain " + title.toLowerCase() + " and when it matters.");
        q.put("body", "Explain " + title.toLowerCase() + ". Discuss trade-offs, pitfalls and how to evaluate it.");
        q.put("category", "Machine Learning");
        q.put("difficulty", "MEDIUM");
        q.put("asks", List.of(Map.of("company", company, "role", "Data Scientist", "round", "Onsite",
                "difficulty", "MEDIUM", "askedOn", "2026-01-15")));
        q.put("topics", new ArrayList<>(List.of(topic)));
        q.put("interviewerExpects", List.of("Define it precisely"));
        q.put("followUps", List.of("How would you monitor it?"));
        q.put("sampleAnswer", List.of(Map.of("title", "Core Concept Explanation", "body",
                "A long explanation of the idea that goes on for quite a while so that the teaser has to cut it short "
                        + "somewhere in the middle of the text, well before this sentence reaches its very end, and then "
                        + "continues with the full reasoning that only approved candidates may read.")));
        q.put("rubric", rubric("definitions-1"));
        return q;
    }

    public static Map<String, Object> rubric(String firstPointId) {
        return Map.of("criteria", List.of(
                Map.of("key", "definitions", "kind", "DEFINITIONS", "title", "Defines the idea", "weight", 0.5,
                        "points", List.of(Map.of("id", firstPointId, "text", "States what it is",
                                "concepts", List.of(List.of("define", "definition"))))),
                Map.of("key", "evaluation", "kind", "EVALUATION", "title", "Evaluates it", "weight", 0.5,
                        "points", List.of(Map.of("id", "evaluation-1", "text", "Compares with a baseline",
                                "concepts", List.of(List.of("baseline", "benchmark")))))));
    }
}
