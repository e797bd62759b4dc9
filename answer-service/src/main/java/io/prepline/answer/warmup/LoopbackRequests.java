package io.prepline.answer.warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Requests to this service's own HTTP port that are refused before anything is read or written (no token, a token
 * whose signature does not verify, no such path), so that the HTTP server, the token check, the REST layer and the
 * problem responses have run before the first client's request.
 */
@ApplicationScoped
class LoopbackRequests {

    /** What is sent, and the status that shows it was refused as it should be. */
    record Call(HttpRequest request, int expected) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /**
     * The answer every call names, the same each round: a refused request is counted in the HTTP metrics under its
     * path, so a new id each round would add series at every start.
     */
    private static final String ANSWER = "/api/v1/answers/00000000-0000-0000-0000-00000000000a";

    private HttpClient client;

    /**
     * Sends every call once.
     *
     * @return how many were answered with the status expected
     */
    int send(URI base) throws IOException, InterruptedException {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        int expected = 0;
        for (Call call : calls(base)) {
            HttpResponse<String> response = client.send(call.request(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == call.expected()) {
                expected++;
            }
        }
        return expected;
    }

    private static List<Call> calls(URI base) {
        String forged = "Bearer " + forgedToken();
        String body = "{\"question\":\"warm-up\",\"body\":\"A unit test checks one unit of code in isolation.\"}";
        return List.of(
                new Call(get(base, ANSWER).build(), 401),
                new Call(get(base, ANSWER).header("Authorization", forged).build(), 401),
                new Call(get(base, ANSWER + "/events").header("Authorization", forged)
                        .setHeader("Accept", "text/event-stream").build(), 401),
                new Call(request(base, "/api/v1/answers").header("Authorization", forged)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 401),
                new Call(get(base, "/api/v1/warm-up-no-such-path").build(), 404));
    }

    private static HttpRequest.Builder get(URI base, String path) {
        return request(base, path).GET();
    }

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
    }

    /** A token of the usual shape whose RS256 signature is random bytes: it is parsed and its signature checked. */
    private static String forgedToken() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = """
                {"iss":"https://auth.prepline.local","aud":"prepline","sub":"%s","upn":"%s","groups":["candidate"],\
                "iat":%d,"exp":%d}""".formatted(Rehearsal.USER, Rehearsal.USER, Instant.now().getEpochSecond(),
                Instant.now().plusSeconds(300).getEpochSecond());
        byte[] signature = new byte[256];
        ThreadLocalRandom.current().nextBytes(signature);
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + encoder.encodeToString(signature);
    }
}
