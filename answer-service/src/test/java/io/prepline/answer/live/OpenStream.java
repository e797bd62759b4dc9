package io.prepline.answer.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An event stream on a connection of its own, as a browser holds one: the status and headers, then the event names as
 * they come; {@link #close()} drops the connection the way a client that goes away does.
 */
final class OpenStream implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 15_000;

    final int status;
    final Map<String, String> headers;
    private final Socket socket;
    private final BufferedReader in;

    private OpenStream(Socket socket, BufferedReader in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    static OpenStream open(URL base, String answerId, String token) {
        try {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/answers/" + answerId + "/events HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            if (statusLine == null) {
                throw new IOException("the server closed the connection without a response");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            return new OpenStream(socket, in, status, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until an event of that name arrives (failing after the read timeout). */
    void awaitEvent(String name) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event:") && line.substring(6).strip().equals(name)) {
                    return;
                }
            }
            throw new AssertionError("the stream ended before event " + name);
        } catch (IOException e) {
            throw new UncheckedIOException("no event " + name + " on the stream", e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
