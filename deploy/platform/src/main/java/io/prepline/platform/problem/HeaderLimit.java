package io.prepline.platform.problem;

import java.util.List;
import java.util.Map;

import io.prepline.platform.PlatformConfig;
import io.prepline.platform.http.SecurityHeaders;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Request headers larger than {@code prepline.http.max-header-bytes} in all are refused with a 431 problem naming the
 * largest header, as the first route. The HTTP decoder has a limit of its own and answers 431 with no body, before
 * any handler can see the request; it is raised to {@link #DECODER_FACTOR} times this limit, so that it only guards
 * the server's memory.
 */
@ApplicationScoped
public class HeaderLimit implements HttpServerOptionsCustomizer {

    static final int DECODER_FACTOR = 4;
    // as the decoder counts a header line: "name: value"
    private static final int SEPARATOR_BYTES = 2;

    @Inject
    PlatformConfig config;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxHeaderSize(Math.max(options.getMaxHeaderSize(), DECODER_FACTOR * maxBytes()));
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext rc) {
        Problem refusal = refusal(rc.request().headers(), maxBytes());
        if (refusal == null) {
            rc.next();
            return;
        }
        SecurityHeaders.addIfApi(rc.request().path() == null ? "" : rc.request().path(), rc.response());
        rc.response().putHeader("Connection", "close");
        HttpProblems.write(rc.response(), refusal);
    }

    private int maxBytes() {
        return config.http().maxHeaderBytes();
    }

    /** The 431 problem for headers over {@code max} bytes in all, or null when they are within it. */
    static Problem refusal(Iterable<Map.Entry<String, String>> headers, int max) {
        long total = 0;
        String largest = null;
        long largestBytes = -1;
        for (Map.Entry<String, String> header : headers) {
            long bytes = header.getKey().length() + SEPARATOR_BYTES + header.getValue().length();
            total += bytes;
            if (bytes > largestBytes) {
                largest = header.getKey();
                largestBytes = bytes;
            }
        }
        if (total <= max) {
            return null;
        }
        return Problem.of(ProblemType.REQUEST_HEADERS_TOO_LARGE,
                "request headers are limited to " + max + " bytes in all",
                List.of(new FieldError(largest, "is " + largestBytes + " bytes; all headers together must be at most "
                        + max + " bytes")));
    }
}
