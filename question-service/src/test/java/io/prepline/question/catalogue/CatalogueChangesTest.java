package io.prepline.question.catalogue;

import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.eventually;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Pages and lists are cached until the catalogue changes, whoever changes it. */
@QuarkusTest
class CatalogueChangesTest {

    @Inject
    DataSource dataSource;

    @Test
    void aChangeCommittedElsewhereRetiresCachedPagesListsAndSearches() throws SQLException {
        String company = "Cachely" + UUID.randomUUID().toString().substring(0, 6);
        String slug = uniqueSlug("cached-page");
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain weight decay", company, "Regularization"))
                .post("/api/v1/questions").then().statusCode(201);
        readEverything(slug, company, "weight", "Explain weight decay");

        // another writer whose statements fire no trigger: nothing tells this instance, so it keeps its cache
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            retitle(c, slug, "Explain L2 penalties");
            s.execute("SET session_replication_role = DEFAULT");
        }
        readEverything(slug, company, "weight", "Explain weight decay");

        // the notifications the triggers send on commit of any change: every cached page and list is retired, and
        // the search index reads the question again
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('catalogue_changed', '')");
            s.execute("SELECT pg_notify('question_changed', id::text) FROM question WHERE slug = '" + slug + "'");
        }
        eventually(Duration.ofSeconds(10), () -> readEverything(slug, company, "weight", "Explain L2 penalties"));

        // and an ordinary write by another instance notifies through the trigger
        try (Connection c = dataSource.getConnection()) {
            retitle(c, slug, "Explain ridge penalties");
        }
        eventually(Duration.ofSeconds(10), () -> readEverything(slug, company, "ridge", "Explain ridge penalties"));
    }

    @Test
    void aChangeOfCountersRetiresThatPageAndTheListsButNoOtherPage() throws SQLException {
        String company = "Countly" + UUID.randomUUID().toString().substring(0, 6);
        String liked = uniqueSlug("counted-page");
        String other = uniqueSlug("other-page");
        for (String slug : new String[] {liked, other}) {
            given().auth().oauth2(author()).contentType(ContentType.JSON)
                    .body(question(slug, "Explain label smoothing " + slug, company, "Regularization"))
                    .post("/api/v1/questions").then().statusCode(201);
        }
        String otherTitle = "Explain label smoothing " + other;
        given().get("/api/v1/questions/" + other).then().statusCode(200).body("title", is(otherTitle));
        given().get("/api/v1/questions/" + liked).then().statusCode(200).body("counters.likes", is(0));
        given().queryParam("company", company).queryParam("sort", "popular").get("/api/v1/questions")
                .then().statusCode(200).body("items[0].counters.likes", is(0));

        // the other page changes unannounced, so it stays cached unless something retires every page
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            retitle(c, other, "Explain soft labels");
            s.execute("SET session_replication_role = DEFAULT");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE question SET likes_count = 7 WHERE slug = '" + liked + "'");
        }
        eventually(Duration.ofSeconds(10), () -> {
            given().get("/api/v1/questions/" + liked).then().statusCode(200).body("counters.likes", is(7));
            given().queryParam("company", company).queryParam("sort", "popular").get("/api/v1/questions")
                    .then().statusCode(200).body("items[0].slug", is(liked)).body("items[0].counters.likes", is(7));
        });
        given().get("/api/v1/questions/" + other).then().statusCode(200).body("title", is(otherTitle));
    }

    private static void retitle(Connection c, String slug, String title) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE question SET title = ? WHERE slug = ?")) {
            update.setString(1, title);
            update.setString(2, slug);
            update.executeUpdate();
        }
    }

    private static void readEverything(String slug, String company, String word, String title) {
        given().get("/api/v1/questions/" + slug).then().statusCode(200).body("title", is(title));
        given().queryParam("company", company).get("/api/v1/questions")
                .then().statusCode(200).body("items.title", contains(title));
        given().queryParam("q", word).queryParam("company", company).get("/api/v1/questions")
                .then().statusCode(200).body("items.title", contains(title));
    }
}
