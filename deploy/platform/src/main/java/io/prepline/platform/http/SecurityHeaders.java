package io.prepline.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The standard security headers on every API response: no content sniffing, no framing, no referrer, no active
 * content (the API serves JSON only), HTTPS only once a client has seen it over HTTPS.
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final int PRIORITY = 900;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (isApi(rc.normalizedPath())) {
                rc.addHeadersEndHandler(ignored -> add(rc.response()));
            }
            rc.next();
        }, PRIORITY);
    }

    /** For a response written before the filters run (a request refused before routing). */
    public static void addIfApi(String path, HttpServerResponse response) {
        if (isApi(path)) {
            add(response);
        }
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    private static void add(HttpServerResponse response) {
        response.putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
