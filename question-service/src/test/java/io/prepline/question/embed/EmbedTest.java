package io.prepline.question.embed;

import static io.prepline.question.Fixtures.KEY_ML_AMAZON;
import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.admin;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.key;
import static io.prepline.question.Fixtures.keyId;
import static io.prepline.question.Fixtures.partner;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmbedTest {


    @Test
    void theEmbedPageIsSelfContainedAndFramedOnlyByThePartnersOrigins() throws Exception {
        String key = key(partner("standard", "https://club.example", "http://localhost:9000"), "PUBLISHABLE");
        Response page = given().queryParam("key", key).get("/embed/v1/questions/" + PRUNING_AMAZON);
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", (String) null);
        String html = page.asString();
        String csp = page.header("Content-Security-Policy");
        assertEquals(Set.of("https://club.example", "http://localhost:9000"),
                Set.of(directive(csp, "frame-ancestors").split(" ")), csp);
        assertTrue(csp.startsWith("default-src 'none';"), csp);
        assertEquals(hash(between(html, "<style>", "</style>")), directive(csp, "style-src"));
        assertEquals(hash(between(html, "<script>", "</script>")), directive(csp, "script-src"));
        assertFalse(Pattern.compile("\\ssrc=").matcher(html).find(), "the page loads nothing");
        assertFalse(html.contains("<link rel=\"stylesheet\""), html);
        assertTrue(html.contains("<html lang=\"en\">") && html.contains("<main") && html.contains("<h1"), html);
        assertTrue(html.contains("Explain model pruning and its applications"), html);
        assertTrue(html.contains("<strong>Amazon</strong>"), html);
        assertTrue(html.contains("https://prepline.io/questions/" + PRUNING_AMAZON), html);
        assertTrue(html.contains("prefers-color-scheme: dark"), html);
        Matcher discovery = Pattern.compile("<link rel=\"alternate\" type=\"application/json\\+oembed\" href=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(discovery.find(), html);
        String oembed = discovery.group(1).replace("&amp;", "&");
        given().urlEncodingEnabled(false).get(oembed.substring(oembed.indexOf("/oembed"))).then().statusCode(200)
                .body("type", is("rich")).body("html", containsString("key=" + key));
    }

    @Test
    void aMultiPartQuestionShowsEveryPartAndWithoutAKeyThePageMayNotBeFramed() {
        Response page = given().get("/embed/v1/questions/" + KEY_ML_AMAZON);
        page.then().statusCode(200).header("Content-Security-Policy", endsWith("frame-ancestors 'none'"));
        String html = page.asString();
        for (int part = 1; part <= 6; part++) {
            assertTrue(html.contains("<h3>Part " + part + ": "), "part " + part);
        }
    }

    @Test
    void markdownIsSanitisedAndImagesAreDropped() {
        String slug = uniqueSlug("hostile-embed");
        Map<String, Object> q = question(slug, "Hostile markdown", "Acme", "Security");
        q.put("body", "Explain it. <script>alert(1)</script> <img src=x onerror=alert(2)> "
                + "![chart](https://images.example/chart.png) [docs](javascript:alert(3)) **bold** <b>\"quoted\"</b>");
        q.put("interviewerExpects", List.of("<iframe src=https://evil.example></iframe>Defines it"));
        q.put("title", "Hostile <em>markdown</em> & \"quotes\"");
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(q).post("/api/v1/questions").then().statusCode(201);
        String html = given().get("/embed/v1/questions/" + slug).then().statusCode(200).extract().asString();
        String content = html.substring(html.indexOf("<body>"), html.lastIndexOf("<script>"));
        assertFalse(content.contains("<script") || content.contains("onerror") || content.contains("<img")
                || content.contains("images.example") || content.contains("javascript:") || content.contains("<iframe")
                || content.contains("evil.example"), content);
        assertTrue(content.contains("<strong>bold</strong>"), content);
        assertTrue(html.contains("Hostile &lt;em&gt;markdown&lt;/em&gt; &amp; &quot;quotes&quot;"), html);
    }

    @Test
    void refusedKeysAndUnknownQuestionsAreProblems() {
        String partner = partner("standard", "https://club.example");
        String publishable = key(partner, "PUBLISHABLE");
        given().queryParam("key", key(partner, "SECRET")).get("/embed/v1/questions/" + PRUNING_AMAZON).then()
                .statusCode(400).body("errors[0].field", is("key"));
        given().get("/embed/v1/questions/no-such-question").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).delete("/api/v1/partners/" + partner + "/keys/" + keyId(publishable)).then()
                .statusCode(204);
        given().queryParam("key", publishable).get("/embed/v1/questions/" + PRUNING_AMAZON).then().statusCode(401);
    }

    @Test
    void embedJsIsServedAsAScript() {
        given().get("/embed/v1/embed.js").then().statusCode(200).contentType(containsString("text/javascript"))
                .body(containsString("data-prepline-question")).body(containsString("event.origin !== origin"));
    }

    @Test
    void oEmbedAnswersRichJsonWithTheIframeWithin404And501AsTheSpecSays() {
        String url = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/embed/v1/questions/" + PRUNING_AMAZON;
        given().queryParam("url", url).queryParam("format", "json").queryParam("maxwidth", 400).get("/oembed").then()
                .statusCode(200).contentType(ContentType.JSON).body("version", is("1.0")).body("type", is("rich"))
                .body("width", is(400)).body("height", is(720)).body("provider_name", is("Prepline"))
                .body("title", is("Explain model pruning and its applications"))
                .body("html", startsWith("<iframe src=\"" + url + "\" width=\"400\" height=\"720\""));
        given().queryParam("url", "https://prepline.io/questions/" + PRUNING_AMAZON).get("/oembed").then()
                .statusCode(200).body("width", is(640)).body("html", containsString(url));
        given().queryParam("url", url).queryParam("format", "xml").get("/oembed").then().statusCode(501)
                .contentType("application/problem+json").body("errors[0].field", is("format"));
        given().queryParam("url", url.replace(PRUNING_AMAZON, "no-such-question")).get("/oembed").then().statusCode(404);
        given().queryParam("url", "https://elsewhere.example/embed/v1/questions/" + PRUNING_AMAZON).get("/oembed").then()
                .statusCode(404).body("errors[0].field", is("url"));
        given().get("/oembed").then().statusCode(400).body("errors[0].field", is("url"));
        given().queryParam("url", url).queryParam("maxwidth", "wide").get("/oembed").then().statusCode(400)
                .body("errors[0].field", is("maxwidth"));
        given().queryParam("url", url + "?key=sk_abc_def").get("/oembed").then().statusCode(400);
    }

    private static String between(String html, String open, String close) {
        int start = html.indexOf(open) + open.length();
        return html.substring(start, html.indexOf(close, start));
    }

    private static String directive(String csp, String name) {
        for (String directive : csp.split(";")) {
            String[] parts = directive.strip().split(" ", 2);
            if (parts[0].equals(name)) {
                return parts[1];
            }
        }
        throw new AssertionError(name + " missing in " + csp);
    }

    private static String hash(String text) throws Exception {
        return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8))) + "'";
    }
}
