package io.prepline.question.discussion;

import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.discussion.Discussions.comment;
import static io.prepline.question.discussion.Discussions.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Hostile comments: refused with a problem naming the field, or stored as written and served as harmless HTML. */
@QuarkusTest
class CommentInputTest {

    static final List<String> XSS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](java\tscript:alert(1))",
            "<a href=\"javascript&#58;alert(1)\">x</a>",
            "<img src=x onerror=alert(1)>",
            "![x](javascript:alert(1))",
            "<p onclick=\"alert(1)\" onmouseover=alert(1)>hover</p>",
            "<body onload=alert(1)>",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "<svg/onload=alert(1)><circle r=9 /></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"https://evil.example/x.swf\"></object>",
            "<form action=\"https://evil.example\"><input name=p></form>",
            "<a href=\"https://ok.example\" style=\"position:fixed;top:0;left:0;width:100%;height:100%\">cover</a>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<base href=\"https://evil.example/\">",
            "`<script>alert(1)</script>` and\n\n    <script>alert(2)</script>",
            "<<script>script>alert(1)<</script>/script>",
            "<a href=\"vbscript:msgbox(1)\">vb</a>");

    @Test
    void scriptsHandlersStylesAndDangerousUrlsNeverReachTheHtmlButTheMarkdownIsKeptAsWritten() {
        String slug = Discussions.discussed();
        String writer = candidate("xss-" + UUID.randomUUID());
        // spread over users: the comment limit applies per user
        for (int i = 0; i < XSS.size(); i++) {
            String vector = XSS.get(i);
            String token = i % 8 == 0 ? writer = candidate("xss-" + UUID.randomUUID()) : writer;
            JsonPath comment = post(token, slug, Map.of("body", vector)).then().statusCode(201).extract().jsonPath();
            assertTrue(vector.equals(comment.getString("body")), "kept as written: " + vector);
            assertSafe(vector, comment.getString("html"));
        }
        String html = given().queryParam("limit", 100).get("/api/v1/questions/" + slug + "/comments").then()
                .statusCode(200).extract().jsonPath().getList("items.html").toString();
        assertSafe("the listed page", html);
    }

    @Test
    void harmlessMarkdownKeepsItsFormattingAndSafeLinks() {
        String slug = Discussions.discussed();
        String id = comment(candidate("fmt-" + UUID.randomUUID()), slug,
                "**Bold**, `code` and [a paper](https://arxiv.org/abs/1506.02626)\n\n> quoted\n\n- one\n- two");
        String html = given().get("/api/v1/comments/" + id).then().extract().path("html");
        assertTrue(html.contains("<strong>Bold</strong>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
        assertTrue(html.contains("<a href=\"https://arxiv.org/abs/1506.02626\" rel=\"nofollow\">a paper</a>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
    }

    /** Escaped text aside, only these tags, no attribute but href and rel, and only http, https and mailto links. */
    private static final Set<String> TAGS = Set.of("p", "strong", "em", "code", "pre", "a", "blockquote", "ul", "ol",
            "li", "br", "hr", "del", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=]+)=\"([^\"]*)\"");

    private static void assertSafe(String vector, String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            assertTrue(TAGS.contains(name), vector + " -> " + html + ": tag " + name);
            String rest = tag.group(3).strip();
            Matcher attribute = ATTRIBUTE.matcher(rest);
            String left = attribute.replaceAll("").strip();
            assertTrue(left.isEmpty() || left.equals("/"), vector + " -> " + html + ": unquoted attributes " + left);
            attribute.reset();
            while (attribute.find()) {
                String attr = attribute.group(1).toLowerCase(Locale.ROOT);
                assertTrue(attr.equals("href") || attr.equals("rel"), vector + " -> " + html + ": attribute " + attr);
                if (attr.equals("href")) {
                    assertTrue(attribute.group(2).matches("(https?|mailto):.*"), vector + " -> " + html + ": " + attribute.group(2));
                }
            }
        }
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), vector + " -> " + html);
    }

    @Test
    void badCommentsAreProblemsNamingTheField() {
        String slug = Discussions.discussed();
        String user = candidate("bad-" + UUID.randomUUID());
        invalid(post(user, slug, Map.of("body", "x".repeat(5001))), "body", "must be at most 5000 characters");
        invalid(post(user, slug, Map.of("body", "line\n".repeat(101))), "body", "must be at most 100 lines");
        invalid(post(user, slug, Map.of("body", "a".repeat(201))), "body",
                "must not have a word longer than 200 characters");
        invalid(post(user, slug, Map.of("body", ">".repeat(6) + " deep")), "body",
                "must not nest quotes, lists, emphasis and links more than 5 deep");
        invalid(post(user, slug, Map.of("body", "- a\n  - b\n    - c\n      - d\n        - e\n          - f")), "body",
                "must not nest quotes, lists, emphasis and links more than 5 deep");
        // a NUL is refused while the JSON is read, as in every text of every request (deploy/platform NulFreeText)
        post(user, slug, Map.of("body", "nul \u0000 here")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/invalid-json")).body("errors.field", contains("body"));
        invalid(post(user, slug, Map.of("body", "reversed \u202Etxt.exe")), "body",
                "must not contain control characters other than line breaks and tabs");
        invalid(post(user, slug, Map.of("body", "  \n ")), "body", "must not be blank");
        invalid(post(user, slug, Map.of("part", 1)), "body", "must not be blank");

        String other = candidate("bad-" + UUID.randomUUID()); // the budget of one user is ten comments a minute
        post(other, slug, Map.of("body", "ok", "part", "two")).then().statusCode(400).body("errors[0].field", is("part"));
        post(other, slug, Map.of("body", "ok", "colour", "red")).then().statusCode(400)
                .body("type", is("https://prepline.io/problems/unknown-field")).body("errors[0].field", is("colour"));
        post(other, slug, Map.of("body", List.of("not", "text"))).then().statusCode(400).body("errors[0].field", is("body"));
        given().auth().oauth2(other).contentType(ContentType.JSON).body("null").post("/api/v1/questions/" + slug
                + "/comments").then().statusCode(400).contentType("application/problem+json");
        post(other, "no-such-question", Map.of("body", "ok")).then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("body", "ok"))
                .post("/api/v1/comments/not-a-uuid/replies").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("body", "ok"))
                .put("/api/v1/comments/" + UUID.randomUUID()).then().statusCode(404);

        String base = "/api/v1/questions/" + slug + "/comments";
        given().queryParam("sort", "best").get(base).then().statusCode(400).body("errors[0].field", is("sort"));
        given().queryParam("limit", 0).get(base).then().statusCode(400).body("errors[0].field", is("limit"));
        given().queryParam("cursor", "bm90fGF8Y3Vyc29y").get(base).then().statusCode(400)
                .body("errors[0].field", is("cursor"));
        given().queryParam("cursor", "x".repeat(600)).get(base).then().statusCode(400)
                .body("errors[0].field", is("cursor"));
    }

    private static void invalid(io.restassured.response.Response response, String field, String message) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/invalid-request"))
                .body("errors.field", contains(field)).body("errors.message", contains(message));
    }
}
