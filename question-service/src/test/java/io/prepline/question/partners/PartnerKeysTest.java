package io.prepline.question.partners;

import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.admin;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.eventually;
import static io.prepline.question.Fixtures.key;
import static io.prepline.question.Fixtures.keyId;
import static io.prepline.question.Fixtures.partner;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerKeysTest {

    private static final String PAGE = "/api/v1/questions/" + PRUNING_AMAZON;

    @Inject
    DataSource dataSource;

    @Test
    void aKeyIsShownOnceWithAVisiblePrefixAndStoredOnlyAsItsHash() throws Exception {
        String partner = partner("standard", "https://club.example");
        String key = key(partner, "SECRET");
        String id = keyId(key);
        org.hamcrest.MatcherAssert.assertThat(key, matchesPattern("sk_[a-z2-9]{12}_[A-Za-z0-9_-]{43}"));
        given().auth().oauth2(admin()).get("/api/v1/partners/" + partner + "/keys").then().statusCode(200)
                .body("id", contains(id)).body("[0].kind", is("SECRET")).body("[0].status", is("ACTIVE"))
                .body("[0].key", nullValue());
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT * FROM partner_key WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)),
                        row.getBytes("key_hash"));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    String value = row.getString(column);
                    assertEquals(false, value != null && value.contains(key.substring(id.length() + 1)),
                            "the secret is in column " + row.getMetaData().getColumnName(column));
                }
            }
        }
    }

    @Test
    void onlyAdminsManagePartnersAndFieldsAreChecked() {
        Map<String, Object> body = Map.of("name", "Club", "plan", "standard", "allowedOrigins", List.of("https://club.example"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/partners").then().statusCode(401);
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(body).post("/api/v1/partners").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Club", "plan", "gold", "allowedOrigins", List.of("https://club.example/path", "*")))
                .post("/api/v1/partners").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("plan")).body("errors.field", hasItem("allowedOrigins[0]"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("name", "Club", "plan", "standard"))
                .post("/api/v1/partners").then().statusCode(400).body("errors.field", hasItem("allowedOrigins"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("kind", "MASTER"))
                .post("/api/v1/partners/" + partner("standard") + "/keys").then().statusCode(400)
                .body("errors.field", hasItem("kind"));
        given().auth().oauth2(admin()).get("/api/v1/partners/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Club", "plan", "standard", "allowedOrigins", List.of("HTTPS://Club.Example:443/")))
                .post("/api/v1/partners").then().statusCode(201).body("allowedOrigins", contains("https://club.example"));
    }

    @Test
    void aSecretKeyReadsTheCatalogueAndNeverWrites() {
        String key = key(partner("standard"), "SECRET");
        given().header("X-Api-Key", key).get(PAGE).then().statusCode(200)
                .header("RateLimit-Limit", "6000").header("RateLimit-Remaining", "5999");
        given().header("X-Api-Key", key).get("/api/v1/questions?limit=1").then().statusCode(200);
        given().header("X-Api-Key", key).contentType(ContentType.JSON)
                .body(question(uniqueSlug("by-key"), "Written with a key", "Acme", "Keys"))
                .post("/api/v1/questions").then().statusCode(403).contentType("application/problem+json");
        given().header("X-Api-Key", key).post(PAGE + "/likes").then().statusCode(403);
        given().queryParam("key", key).get(PAGE).then().statusCode(400).body("errors[0].field", is("key"));
        given().header("X-Api-Key", key + "x").get(PAGE).then().statusCode(401)
                .contentType("application/problem+json").body("errors[0].field", is("X-Api-Key"));
        given().header("X-Api-Key", "sk_nothing").get(PAGE).then().statusCode(401);
        given().header("X-Api-Key", "x".repeat(5000)).get(PAGE).then().statusCode(401);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceOnThisInstanceAndWithinSecondsOnOthers() throws Exception {
        String partner = partner("standard");
        String revokedHere = key(partner, "SECRET");
        given().header("X-Api-Key", revokedHere).get(PAGE).then().statusCode(200);
        given().auth().oauth2(admin()).delete("/api/v1/partners/" + partner + "/keys/" + keyId(revokedHere)).then()
                .statusCode(204);
        given().header("X-Api-Key", revokedHere).get(PAGE).then().statusCode(401);
        given().auth().oauth2(admin()).get("/api/v1/partners/" + partner + "/keys").then()
                .body("status", contains("REVOKED")).body("[0].revokedAt", notNullValue());

        // revoked by another instance (or by hand): only the database's notification tells this one
        String revokedElsewhere = key(partner, "SECRET");
        given().header("X-Api-Key", revokedElsewhere).get(PAGE).then().statusCode(200);
        try (Connection c = dataSource.getConnection();
             PreparedStatement revoke = c.prepareStatement("UPDATE partner_key SET revoked_at = now() WHERE id = ?")) {
            revoke.setString(1, keyId(revokedElsewhere));
            assertEquals(1, revoke.executeUpdate());
        }
        long start = System.nanoTime();
        eventually(Duration.ofSeconds(5), () ->
                given().header("X-Api-Key", revokedElsewhere).get(PAGE).then().statusCode(401));
        System.out.printf("key revoked by another instance refused after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aRotatedKeyWorksForItsOverlapBesideTheNewOne() {
        String partner = partner("standard");
        String old = key(partner, "SECRET");
        String fresh = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("overlapHours", 24))
                .post("/api/v1/partners/" + partner + "/keys/" + keyId(old) + "/rotate").then().statusCode(201)
                .body("kind", is("SECRET")).body("replaces", is(keyId(old))).body("replacedKeyExpiresAt", notNullValue())
                .extract().path("key");
        given().header("X-Api-Key", old).get(PAGE).then().statusCode(200);
        given().header("X-Api-Key", fresh).get(PAGE).then().statusCode(200);
        given().auth().oauth2(admin()).get("/api/v1/partners/" + partner + "/keys").then()
                .body("status", contains("EXPIRING", "ACTIVE")).body("[0].replacedBy", is(keyId(fresh)));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/partners/" + partner + "/keys/" + keyId(old) + "/rotate").then().statusCode(409);

        String newer = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("overlapHours", 0))
                .post("/api/v1/partners/" + partner + "/keys/" + keyId(fresh) + "/rotate").then().statusCode(201)
                .extract().path("key");
        given().header("X-Api-Key", fresh).get(PAGE).then().statusCode(401);
        given().header("X-Api-Key", newer).get(PAGE).then().statusCode(200);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("overlapHours", 9999))
                .post("/api/v1/partners/" + partner + "/keys/" + keyId(newer) + "/rotate").then().statusCode(400)
                .body("errors[0].field", is("overlapHours"));
    }

    @Test
    void aPublishableKeyIsAcceptedFromItsPartnersOriginsOnly() {
        String key = key(partner("standard", "https://club.example"), "PUBLISHABLE");
        partner("standard", "https://other.example");
        given().header("Origin", "https://club.example").queryParam("key", key).get(PAGE).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://club.example");
        given().header("Origin", "https://club.example").header("X-Api-Key", key).get(PAGE).then().statusCode(200);
        given().queryParam("key", key).get(PAGE).then().statusCode(403).body("errors[0].field", is("Origin"));
        given().header("Origin", "https://other.example").queryParam("key", key).get(PAGE).then().statusCode(403);
    }

    @Test
    void usageIsCountedPerKeyAndDayAndReadByTheAdminAndThePartnerItself() {
        String partner = partner("tiny");
        String secret = key(partner, "SECRET");
        String publishable = key(partner, "PUBLISHABLE");
        for (int i = 0; i < 5; i++) {
            given().header("X-Api-Key", secret).get(PAGE);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        eventually(Duration.ofSeconds(5), () -> given().auth().oauth2(admin()).get("/api/v1/partners/" + partner + "/usage")
                .then().statusCode(200).body("days.find { it.keyId == '" + keyId(secret) + "' }.requests", is(3))
                .body("days.find { it.keyId == '" + keyId(secret) + "' }.refused", is(2))
                .body("days.day", everyItem(is(today))));
        // the partner reads its own usage with its secret key (that read is counted too, and over the tiny plan)
        given().header("X-Api-Key", key(partner, "SECRET")).get("/api/v1/partners/" + partner + "/usage").then()
                .statusCode(200).body("partnerId", is(partner));
        given().header("X-Api-Key", key(partner("tiny"), "SECRET")).get("/api/v1/partners/" + partner + "/usage").then()
                .statusCode(403);
        given().header("Origin", "https://club.example").header("X-Api-Key", publishable)
                .get("/api/v1/partners/" + partner + "/usage").then().statusCode(403);
        given().get("/api/v1/partners/" + partner + "/usage").then().statusCode(401);
        given().auth().oauth2(author()).get("/api/v1/partners/" + partner + "/usage").then().statusCode(403);
        given().auth().oauth2(admin()).queryParam("from", "yesterday").get("/api/v1/partners/" + partner + "/usage")
                .then().statusCode(400).body("errors[0].field", is("from"));
        given().auth().oauth2(admin()).queryParam("from", "2020-01-01").get("/api/v1/partners/" + partner + "/usage")
                .then().statusCode(400);
    }

    @Test
    void aKeyOverItsPlansLimitGets429WithRetryAfterAndRateLimitHeaders() {
        String key = key(partner("tiny"), "SECRET");
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-Api-Key", key).get(PAGE).then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(remaining));
        }
        given().header("X-Api-Key", key).get(PAGE).then().statusCode(429).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/too-many-requests"))
                .body("detail", containsString("plan-tiny"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0").header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"));
        given().header("X-Api-Key", key(partner("tiny"), "SECRET")).get(PAGE).then().statusCode(200);
    }
}
