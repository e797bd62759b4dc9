package io.prepline.question.partners;

import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.prepline.devstack.PrometheusText;
import io.prepline.platform.ratelimit.RateLimits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RateLimitTest {

    @Inject
    RateLimits limits;
    @TestHTTPResource("/")
    URL base;

    @Test
    void aUserOverTheLikesLimitGets429AndOtherUsersStillLike() {
        String slug = uniqueSlug("liked");
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(question(slug, "Liked often", "Acme", "Likes"))
                .post("/api/v1/questions").then().statusCode(201);
        String user = "liker-" + UUID.randomUUID();
        double refused = refused("likes");
        while (limits.take("likes", user).allowed()) {
            // spend this user's budget with the limiter the resource uses
        }
        given().auth().oauth2(candidate(user)).post("/api/v1/questions/" + slug + "/likes").then()
                .statusCode(429).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/too-many-requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).header("RateLimit-Limit", "60");
        given().auth().oauth2(candidate("liker-" + UUID.randomUUID())).post("/api/v1/questions/" + slug + "/likes")
                .then().statusCode(200);
        assertEquals(refused + 2, refused("likes"), "the refusal that ended the spending and the 429");
    }

    private static double refused(String policy) {
        return PrometheusText.value(given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/metrics")
                .then().statusCode(200).extract().asString(), "prepline_rate_limited_total", "policy", policy);
    }

    @Test
    void anonymousReadsAreLimitedPerClientAddress() throws Exception {
        String address = "127.0.0.77"; // a loopback address of its own: other tests read from 127.0.0.1
        while (limits.take(PartnerGate.ANONYMOUS, address).allowed()) {
            // spend this address's budget
        }
        String refused = get(address, "/api/v1/questions/" + PRUNING_AMAZON);
        assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
        assertTrue(refused.toLowerCase().contains("\nretry-after: "), refused);
        assertTrue(refused.toLowerCase().contains("\nratelimit-remaining: 0"), refused);
        assertTrue(get("127.0.0.78", "/api/v1/questions/" + PRUNING_AMAZON).startsWith("HTTP/1.1 200"));
    }

    /** The status line and headers of a GET sent from {@code from}. */
    private String get(String from, String path) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }
}
