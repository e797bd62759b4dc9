package io.prepline.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** JSON over HTTP as the platform's clients speak it: bearer token, JSON bodies, problem+json errors. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A response; {@code status} 0 when there was none (refused, reset, timed out); {@code etag} null without one. */
    record Response(int status, JsonNode body, String error, String etag) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth sending again: no answer at all, a server error, or "not now". */
        boolean transientFailure() {
            return status == 0 || status >= 500 || status == 429;
        }

        String describe() {
            return status == 0 ? error : status + " " + body.path("type").asText(body.toString());
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    Response get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    Response post(String url, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A conditional write: {@code ifMatch} is the ETag of what was read. */
    Response put(String url, String token, Object body, String ifMatch) {
        return send(request(url, token).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()), null,
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Response(0, MissingNode.getInstance(), e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, MissingNode.getInstance(), "interrupted", null);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
