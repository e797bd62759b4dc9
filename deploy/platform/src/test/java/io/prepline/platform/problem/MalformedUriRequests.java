package io.prepline.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For the services' tests of {@link MalformedUris}: sends a GET with its URI exactly as written (REST Assured and
 * {@code java.net.http} refuse to send a malformed one), HTTP/1.1 on the loopback interface, and checks the refusal.
 */
public final class MalformedUriRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MalformedUriRequests() {
    }

    /** {@code headers}: complete header lines, such as {@code "Authorization: Bearer ..."}. */
    public static void assertRefused(int port, String target, String field, String... headers) {
        String response = get(port, target, headers);
        int end = response.indexOf("\r\n\r\n");
        String head = response.substring(0, Math.max(end, 0)).toLowerCase(Locale.ROOT);
        assertEquals("400", head.split(" ", 3)[1], target + ": " + response);
        assertTrue(head.contains("\r\ncontent-type: application/problem+json"), target + ": " + response);
        try {
            JsonNode problem = JSON.readTree(response.substring(end + 4));
            assertEquals(ProblemType.INVALID_REQUEST.uri(), problem.path("type").asText(), target);
            assertEquals(field, problem.path("errors").path(0).path("field").asText(), target);
        } catch (IOException e) {
            throw new AssertionError(target + ": the body is not JSON: " + response, e);
        }
    }

    private static String get(int port, String target, String... headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + target + " on port " + port + " failed", e);
        }
    }
}
