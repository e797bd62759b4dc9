package io.prepline.question.catalogue;

import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.prepline.question.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicationTest {

    private static final String TOPIC = "catalogue.questions.v1";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void createdQuestionAppearsOnTheTopicAsAFullSnapshotWithCloudEventsHeaders() throws Exception {
        String slug = uniqueSlug("bias-variance");
        try (TopicProbe probe = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), TOPIC)) {
            String id = create(slug).jsonPath().getString("id");
            ConsumerRecord<String, String> record = probe.awaitKey(id, Duration.ofSeconds(30));
            EventSchemas.assertCatalogueQuestion(record.value());
            JsonNode snapshot = json.readTree(record.value());
            assertEquals(slug, snapshot.get("slug").asText());
            assertEquals(1, snapshot.get("version").asInt());
            assertEquals("ACTIVE", snapshot.get("status").asText());
            assertEquals(1, snapshot.get("rubric").get("version").asInt());
            assertEquals("definitions-1", snapshot.at("/rubric/criteria/0/points/0/id").asText());
            assertEquals("Core Concept Explanation", snapshot.get("sampleAnswer").asText().lines().findFirst().orElseThrow()
                    .substring(3));
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("/question-service", header(record, "ce_source"));
            assertEquals("io.prepline.catalogue.question.v1", header(record, "ce_type"));
            assertEquals("application/json", header(record, "content-type"));
            assertNotNull(header(record, "ce_id"));
            assertNotNull(header(record, "ce_time"));
        }
    }

    @Test
    void changesMadeWhileTheBrokerIsDownArePublishedInOrderWhenItIsBack() throws Exception {
        String slug = uniqueSlug("regularisation");
        String id;
        try (TopicProbe probe = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), TOPIC)) {
            id = create(slug).jsonPath().getString("id");
            probe.awaitKey(id, Duration.ofSeconds(30));
        }
        DevStack.shared().stopKafka();
        try {
            Map<String, Object> doc = question(slug, "Explain regularisation", "Stripe", "Regularization");
            String etag = given().get("/api/v1/questions/" + slug).then().statusCode(200).extract().header("ETag");
            doc.put("title", "Explain regularisation in depth");
            etag = given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag).body(doc)
                    .put("/api/v1/questions/" + slug).then().statusCode(200).extract().header("ETag");
            doc.put("rubric", io.prepline.question.Fixtures.rubric("definitions-renamed"));
            etag = given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag).body(doc)
                    .put("/api/v1/questions/" + slug).then().statusCode(200).extract().header("ETag");
            given().auth().oauth2(author()).header("If-Match", etag)
                    .delete("/api/v1/questions/" + slug).then().statusCode(204);
        } finally {
            DevStack.shared().startKafka();
        }
        try (TopicProbe probe = TopicProbe.fromBeginning(DevStack.shared().bootstrapServers(), TOPIC)) {
            probe.await(r -> id.equals(r.key()) && r.value().contains("\"RETIRED\""), Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> records = probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(1));
            records.forEach(r -> EventSchemas.assertCatalogueQuestion(r.value()));
            List<JsonNode> snapshots = records.stream().map(r -> read(r.value())).toList();
            List<Integer> versions = snapshots.stream().map(s -> s.get("version").asInt()).distinct().toList();
            assertEquals(List.of(1, 2, 3, 4), versions);
            JsonNode last = snapshots.get(snapshots.size() - 1);
            assertEquals("RETIRED", last.get("status").asText());
            assertEquals("Explain regularisation in depth", last.get("title").asText());
            assertEquals(2, last.get("rubric").get("version").asInt());
            assertEquals("definitions-renamed", last.at("/rubric/criteria/0/points/0/id").asText());
        }
    }

    private Response create(String slug) {
        return given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain regularisation", "Stripe", "Regularization"))
                .post("/api/v1/questions").then().statusCode(201).extract().response();
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
