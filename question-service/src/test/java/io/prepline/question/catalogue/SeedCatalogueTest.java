package io.prepline.question.catalogue;

import static io.prepline.question.Fixtures.KEY_ML_AMAZON;
import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.PRUNING_BREX;
import static io.prepline.question.Fixtures.PRUNING_CAPITAL_ONE;
import static io.prepline.question.Fixtures.PRUNING_VS_ZILLOW;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedCatalogueTest {

    @Test
    void seedPageKeepsCompanyRoleRoundDifficultyDateAndCounters() {
        given().when().get("/api/v1/questions/" + PRUNING_AMAZON)
                .then().statusCode(200)
                .body("title", is("Explain model pruning and its applications"))
                .body("overview", is("Describe model pruning in depth, including how it works, when to use it, and common pitfalls."))
                .body("category", is("Machine Learning"))
                .body("difficulty", is("EASY"))
                .body("asks[0].company", is("Amazon"))
                .body("asks[0].role", is("Data Scientist"))
                .body("asks[0].round", is("Technical Screen"))
                .body("asks[0].askedOn", is("2025-09-02"))
                .body("topics", hasSize(5))
                .body("interviewerExpects", hasSize(4))
                .body("approach", hasSize(5))
                .body("followUps", hasSize(3))
                // likes and solved are the seed's baseline; comments are counted from the discussion, which it lacks
                .body("counters.likes", is(183)).body("counters.comments", is(0)).body("counters.solved", is(1669))
                .body("updatedAt", is("2025-09-02T00:00:00Z"))
                .body("sampleAnswerTeaser.title", contains("Core Concept Explanation", "Practical Application"))
                .body("sampleAnswerTeaser.body", everyItem(endsWith("...")));
    }

    @Test
    void sameQuestionAtAnotherCompanyIsADistinctPageLinkedAsRelated() {
        given().when().get("/api/v1/questions/" + PRUNING_CAPITAL_ONE)
                .then().statusCode(200)
                .body("asks[0].company", is("Capital One"))
                .body("asks[0].round", is("Phone Screen"))
                .body("counters.likes", is(71))
                .body("related.slug", hasItems(PRUNING_AMAZON, PRUNING_BREX, PRUNING_VS_ZILLOW));
        given().when().get("/api/v1/questions/" + PRUNING_BREX)
                .then().statusCode(200)
                .body("asks[0].round", is("Take-home Project"))
                .body("difficulty", is("HARD"))
                .body("interviewerExpects", hasSize(6));
    }

    @Test
    void multiPartSeedHasSixPartsAndItsFiveRelatedQuestions() {
        given().when().get("/api/v1/questions/" + KEY_ML_AMAZON)
                .then().statusCode(200)
                .body("parts", hasSize(6))
                .body("parts.number", contains(1, 2, 3, 4, 5, 6))
                .body("parts[0].title", is("XGBoost parallel computation"))
                .body("parts[5].title", is("Logistic regression"))
                .body("asks[0].askedOn", is("2025-08-04"))
                .body("constraints", hasSize(3))
                .body("clarifyingQuestions", hasSize(3))
                .body("strongAnswerCovers", hasSize(4))
                .body("quickAnswer", notNullValue())
                .body("related", hasSize(5))
                .body("related.title", hasItems("Evaluate NLP Classification Models",
                        "Predicting the Next Elevator Call Location"));
        for (String slug : given().get("/api/v1/questions/" + KEY_ML_AMAZON).jsonPath().<String>getList("related.slug")) {
            given().when().get("/api/v1/questions/" + slug).then().statusCode(200).body("body", notNullValue());
        }
    }

    @Test
    void seedLoadPublishedEveryQuestionWithItsRubrics() throws Exception {
        String id = given().get("/api/v1/questions/" + KEY_ML_AMAZON).jsonPath().getString("id");
        try (TopicProbe probe = TopicProbe.fromBeginning(DevStack.shared().bootstrapServers(), "catalogue.questions.v1")) {
            ConsumerRecord<String, String> record = probe.awaitKey(id, Duration.ofSeconds(30));
            io.prepline.question.EventSchemas.assertCatalogueQuestion(record.value());
            JsonNode snapshot = new ObjectMapper().readTree(record.value());
            assertEquals("explain-key-ml-theory-and-techniques-amazon", snapshot.get("slug").asText());
            assertEquals(6, snapshot.get("parts").size());
            for (JsonNode part : snapshot.get("parts")) {
                assertTrue(part.get("rubric").get("criteria").size() >= 4, "each part has a full rubric");
            }
            assertEquals("io.prepline.catalogue.question.v1",
                    new String(record.headers().lastHeader("ce_type").value()));
        }
    }
}
