package io.prepline.question.search;

import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.etag;
import static io.prepline.question.Fixtures.eventually;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.QuestionConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * Search from the index every instance keeps: ranking, stems, typos, highlights, autocomplete, and the index staying
 * current after edits, imports, retirements and deletions, on this instance and on another one that hears of them
 * only through PostgreSQL's notifications.
 */
@QuarkusTest
class SearchTest {

    @Inject
    DataSource dataSource;
    @Inject
    QuestionConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    SearchService summaries;

    @Test
    void ranksTitleAboveBodyStemsToleratesTyposAndMarksMatches() {
        // never ends in s: the stemmer keeps the s of a word ending in "ss" (as of "class"), and the plural below
        // would not match
        String word = "zorbulation" + letters() + "t";
        String company = "Rankly" + letters();
        Map<String, Object> inBody = question(uniqueSlug("body-word"), "Explain a body match", company, "Search");
        inBody.put("body", "Why <b>" + word + "</b> matters: the " + word + "s of a model, and more.");
        Map<String, Object> inTitle = question(uniqueSlug("title-word"), "Explain " + word + " in practice", company, "Search");
        create(inBody);
        create(inTitle);

        given().queryParam("q", word).get("/api/v1/questions").then().statusCode(200)
                .body("items.slug", contains(inTitle.get("slug"), inBody.get("slug")))
                .body("items[0].highlights.title", is("Explain <mark>" + word + "</mark> in practice"))
                .body("items[1].highlights.snippet", containsString("Why &lt;b&gt;<mark>" + word + "</mark>&lt;/b&gt;"))
                .body("items[1].highlights.snippet", containsString("<mark>" + word + "s</mark>"));
        // one letter swapped and one missing: still found, the words it was near marked
        String typo = word.substring(0, 3) + word.charAt(4) + word.charAt(3) + word.substring(5, word.length() - 1);
        given().queryParam("q", typo).queryParam("company", company).get("/api/v1/questions").then().statusCode(200)
                .body("items.slug", contains(inTitle.get("slug"), inBody.get("slug")))
                .body("items[0].highlights.title", containsString("<mark>" + word + "</mark>"));
        // facets of a search count what it finds
        given().queryParam("q", typo).queryParam("company", company).get("/api/v1/questions/facets").then()
                .statusCode(200).body("company.find { it.name == '" + company + "' }.count", is(2));
        // a word of the seed written wrong, with a stem of another form: "pruned models" finds the pruning pages
        given().queryParam("q", "prunning models").queryParam("limit", 100).get("/api/v1/questions").then()
                .statusCode(200).body("items.slug", hasItem(PRUNING_AMAZON));
        // web syntax: a phrase, an exclusion
        given().queryParam("q", "\"" + word + " in practice\"").get("/api/v1/questions").then().statusCode(200)
                .body("items.slug", contains(inTitle.get("slug")));
        given().queryParam("q", word + " -practice").get("/api/v1/questions").then().statusCode(200)
                .body("items.slug", contains(inBody.get("slug")));
    }

    @Test
    void suggestsTitlesCompaniesAndTopicsAsTyped() {
        String word = "quillometry" + letters();
        String company = "Suggesta " + letters();
        String slug = uniqueSlug("suggested");
        create(question(slug, "Explain " + word + " for ranking", company, "Quillometric topics"));

        given().queryParam("q", word.substring(0, word.length() - 2)).get("/api/v1/questions/suggest").then().statusCode(200)
                .body("questions.slug", contains(slug))
                .body("questions[0].title", is("Explain " + word + " for ranking"));
        given().queryParam("q", "expl " + word.substring(0, 15)).get("/api/v1/questions/suggest").then().statusCode(200)
                .body("questions.slug", contains(slug));
        given().queryParam("q", company.substring(0, 12)).get("/api/v1/questions/suggest").then().statusCode(200)
                .body("companies.name", contains(company)).body("companies[0].count", is(1));
        given().queryParam("q", "quillometric").get("/api/v1/questions/suggest").then().statusCode(200)
                .body("topics.slug", contains("quillometric-topics"));
        given().queryParam("q", "am").get("/api/v1/questions/suggest").then().statusCode(200)
                .body("companies.name", hasItem("Amazon"));

        for (String bad : List.of("", "   ", "x".repeat(config.search().maxSuggestLength() + 1), "--- ...")) {
            given().queryParam("q", bad).get("/api/v1/questions/suggest").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", is("q"));
        }
        given().get("/api/v1/questions/suggest").then().statusCode(400).body("errors[0].field", is("q"));
    }

    @Test
    void theIndexFollowsEditsImportsRetirementsAndDeletionsHereAndOnAnotherInstance() throws SQLException {
        CatalogueIndex other = otherInstance();
        try {
            String before = "vexillography" + letters();
            String after = "cartomancy" + letters();
            String slug = uniqueSlug("followed");
            Map<String, Object> doc = question(slug, "Explain " + before, "Followly", "Indexing");
            create(doc);
            // this instance: in the next search after the write; the other: once the notification arrives
            searchFinds(before, slug);
            eventually(Duration.ofSeconds(10), () -> assertEquals(1, titleWords(other, before)));

            doc.put("title", "Explain " + after);
            doc.put("overview", "Explain " + after + " and when it matters.");
            doc.put("body", "Explain " + after + ".");
            given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag(slug)).body(doc)
                    .put("/api/v1/questions/" + slug).then().statusCode(200);
            searchFinds(after, slug);
            searchFinds(before, null);
            eventually(Duration.ofSeconds(10), () -> {
                assertEquals(1, titleWords(other, after));
                assertEquals(0, titleWords(other, before));
            });

            String imported = "palimpsest" + letters();
            String importedSlug = uniqueSlug("imported");
            given().auth().oauth2(author()).contentType(ContentType.JSON)
                    .body(Map.of("questions", List.of(question(importedSlug, "Explain " + imported, "Followly", "Indexing"))))
                    .post("/api/v1/questions/import").then().statusCode(201);
            searchFinds(imported, importedSlug);
            eventually(Duration.ofSeconds(10), () -> assertEquals(1, titleWords(other, imported)));

            given().auth().oauth2(author()).header("If-Match", etag(slug)).delete("/api/v1/questions/" + slug)
                    .then().statusCode(204);
            searchFinds(after, null);

            // deleted by hand (its rubric versions first, past their guard): only the notification tells either instance
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 PreparedStatement rubrics = c.prepareStatement(
                         "DELETE FROM rubric_version WHERE question_id = (SELECT id FROM question WHERE slug = ?)");
                 PreparedStatement question = c.prepareStatement("DELETE FROM question WHERE slug = ?")) {
                c.setAutoCommit(false);
                s.execute("SET LOCAL session_replication_role = replica");
                rubrics.setString(1, importedSlug);
                rubrics.executeUpdate();
                s.execute("SET LOCAL session_replication_role = DEFAULT");
                question.setString(1, importedSlug);
                question.executeUpdate();
                c.commit();
            }
            eventually(Duration.ofSeconds(10), () -> {
                searchFinds(imported, null);
                assertEquals(0, titleWords(other, imported));
            });
        } finally {
            other.close();
        }
    }

    /** A second index, as another instance keeps one: it hears of changes through notifications alone. */
    private CatalogueIndex otherInstance() {
        CatalogueIndex other = new CatalogueIndex();
        other.dataSource = dataSource;
        other.config = config;
        other.json = json;
        other.summaries = summaries;
        other.listen();
        return other;
    }

    private static int titleWords(CatalogueIndex index, String word) {
        return index.read((searcher, facets) -> searcher.count(new TermQuery(new Term(IndexedQuestions.TITLE_WORDS, word))));
    }

    private static void searchFinds(String word, String slug) {
        var items = given().queryParam("q", word).get("/api/v1/questions").then().statusCode(200);
        if (slug == null) {
            items.body("items", empty());
        } else {
            items.body("items.slug", contains(slug));
        }
    }

    private static void create(Map<String, Object> doc) {
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc).post("/api/v1/questions")
                .then().statusCode(201);
    }

    /** Eight letters (a word the analyser keeps whole), different in every run and far from those of other runs. */
    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            letters.append((char) ('g' + Character.digit(c, 16)));
        }
        return letters.toString();
    }
}
