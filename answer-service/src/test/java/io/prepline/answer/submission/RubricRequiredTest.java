package io.prepline.answer.submission;

import static io.prepline.answer.Fixtures.catalogueVersion;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.publishQuestion;
import static io.prepline.answer.Fixtures.submit;
import static io.prepline.answer.Fixtures.token;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import io.prepline.answer.Fixtures;
import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RubricRequiredTest {

    @Test
    void answerToAQuestionWithoutARubricIsRefusedAtOnceAndNothingIsStored() {
        Question q = publishQuestion("ACTIVE", 1, 0, false);
        String user = "nr-" + UUID.randomUUID();
        submit(token(user, "candidate"), q.slug(), null, "An answer nobody could score.")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/rubric-missing"))
                .body("errors.field", hasItem("question"));
        assertEquals(0, count("SELECT count(*) FROM answer WHERE user_id = ?", user));
    }

    @Test
    void answerToAPartWithoutARubricIsRefusedAndAPartWithOneIsAccepted() {
        UUID id = UUID.randomUUID();
        Question q = new Question(id, "q-" + id.toString().substring(0, 8));
        String value = """
                {"id":"%s","slug":"%s","version":1,"status":"ACTIVE","title":"Two parts","prompt":"Explain.",
                 "category":"Machine Learning","difficulty":"EASY","sampleAnswer":null,"rubric":null,
                 "parts":[{"number":1,"title":"Scored","prompt":"p","rubric":%s},
                          {"number":2,"title":"Not yet","prompt":"p","rubric":null}],
                 "updatedAt":"2026-11-23T19:00:00Z"}""".formatted(q.id(), q.slug(), Fixtures.rubric(1));
        Fixtures.send("catalogue.questions.v1", q.id().toString(), value);
        Fixtures.awaitTrue(() -> catalogueVersion(q.id()) >= 1, "the question with parts");
        String user = "nr-" + UUID.randomUUID();
        submit(token(user, "candidate"), q.slug(), 2, "Part two.")
                .then().statusCode(422).body("type", is("https://prepline.io/problems/rubric-missing"))
                .body("errors.field", hasItem("question"));
        submit(token(user, "candidate"), q.slug(), 1, "Part one.").then().statusCode(202);
    }
}
