package io.prepline.question.partners;

import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.admin;
import static io.prepline.question.Fixtures.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTest {

    private static final String PAGE = "/api/v1/questions/" + PRUNING_AMAZON;

    private static String origin() {
        return "https://" + UUID.randomUUID().toString().substring(0, 8) + ".partner.example";
    }

    @Test
    void aPreflightFromAPartnersOriginIsAnsweredAndAnUnknownOriginGetsNoCorsHeaders() {
        String origin = origin();
        partner("standard", origin);
        given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-api-key").options(PAGE).then().statusCode(204)
                .header("Access-Control-Allow-Origin", origin).header("Vary", containsString("Origin"))
                .header("Access-Control-Allow-Methods", "GET, HEAD")
                .header("Access-Control-Allow-Headers", containsString("X-Api-Key"))
                .header("Access-Control-Max-Age", "600");
        given().header("Origin", "https://unknown.example").header("Access-Control-Request-Method", "GET")
                .options(PAGE).then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue()).header("Access-Control-Allow-Methods", nullValue());
    }

    @Test
    void aSimpleRequestFromAPartnersOriginMayReadTheAnswerAndItsHeaders() {
        String origin = origin();
        partner("standard", origin);
        given().header("Origin", origin).get(PAGE).then().statusCode(200)
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Vary", containsString("Origin"));
        given().header("Origin", "https://unknown.example").get(PAGE).then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().get(PAGE).then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", origin).get("/api/v1/questions/no-such-question").then().statusCode(404)
                .header("Access-Control-Allow-Origin", origin);
    }

    @Test
    void anOriginRemovedFromItsPartnerLosesCorsAtOnce() {
        String origin = origin();
        String partner = partner("standard", origin);
        given().header("Origin", origin).get(PAGE).then().header("Access-Control-Allow-Origin", is(origin));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Moved", "plan", "standard", "allowedOrigins", List.of(origin() )))
                .put("/api/v1/partners/" + partner).then().statusCode(200);
        given().header("Origin", origin).get(PAGE).then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
