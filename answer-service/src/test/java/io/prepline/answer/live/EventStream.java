package io.prepline.answer.live;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** An open event stream of one answer: collects "event:" names and "id:" values until the server ends it. */
public final class EventStream {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final List<String> names = new CopyOnWriteArrayList<>();
    public final List<String> ids = new CopyOnWriteArrayList<>();
    public final List<String> data = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> ended;

    public EventStream(URL base, String answerId, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/v1/answers/" + answerId + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        ended = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    names.add(line.substring(6).strip());
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                } else if (line.startsWith("id:")) {
                    ids.add(line.substring(3).strip());
                }
            });
            return response.statusCode();
        });
    }

    /** The status code, once the server has ended the stream (30 s at most). */
    public int awaitEnd() throws Exception {
        return ended.get(30, TimeUnit.SECONDS);
    }
}
