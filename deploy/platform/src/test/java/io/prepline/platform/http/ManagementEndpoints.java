package io.prepline.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For the services' tests: health, metrics, the OpenAPI document and (in tests) Swagger UI answer on the management
 * interface and nowhere on the API port.
 */
public final class ManagementEndpoints {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagementEndpoints() {
    }

    /** {@code management}: the management interface's root, such as {@code http://localhost:9081/q}. */
    public static void assertOnlyOnTheManagementPort(String management, int apiPort) {
        assertTrue(get(management + "/metrics", 200).contains("jvm_memory_used_bytes"));
        try {
            assertEquals("3.1.0", JSON.readTree(get(management + "/openapi?format=json", 200)).path("openapi").asText());
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
        get(management + "/health/live", 200);
        get(management + "/swagger-ui/", 200);
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            get("http://localhost:" + apiPort + path, 404);
        }
    }

    private static String get(String url, int status) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(status, response.statusCode(), url);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: GET " + url, e);
        }
    }
}
