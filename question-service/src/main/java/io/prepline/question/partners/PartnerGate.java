package io.prepline.question.partners;

import java.util.List;

import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.HttpProblems;
import io.prepline.platform.problem.Problem;
import io.prepline.platform.problem.ProblemType;
import io.prepline.platform.ratelimit.Gcra;
import io.prepline.platform.ratelimit.RateLimitExceeded;
import io.prepline.platform.ratelimit.RateLimits;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * In front of the public API, the embed and oEmbed, on the I/O thread and without the database: checks the API key a
 * request presents, answers CORS from the partners' allowed origins, applies the rate limit (per key by its partner's
 * plan, per client address for anonymous reads) and counts the key's usage. A valid key is left in the routing
 * context ({@link #key(RoutingContext)}).
 */
@ApplicationScoped
public class PartnerGate {

    public static final String KEY_HEADER = "X-Api-Key";
    public static final String KEY_PARAM = "key";
    /** The policy of reads without a key or a token, per client address. */
    public static final String ANONYMOUS = "anonymous-reads";
    private static final String VALID_KEY = PartnerGate.class.getName() + ".key";
    private static final int PRIORITY = 1000;
    private static final String EXPOSED = "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";

    /** What the gate found out about a request that it lets through. */
    private record Passage(boolean cors, String origin, Gcra.Decision decision) {
    }

    @Inject
    PartnerKeys keys;
    @Inject
    KeyUsage usage;
    @Inject
    RateLimits limits;

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    /** The valid key of the request, or null. */
    public static ValidKey key(RoutingContext rc) {
        return rc == null ? null : rc.get(VALID_KEY);
    }

    private void filter(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!path.startsWith("/api/") && !path.startsWith("/embed/") && !path.equals("/oembed")) {
            rc.next();
            return;
        }
        HttpServerRequest request = rc.request();
        String origin = request.getHeader("Origin");
        if (request.method() == HttpMethod.OPTIONS && origin != null
                && request.getHeader("Access-Control-Request-Method") != null) {
            preflight(rc.response(), origin);
            return;
        }
        HttpServerResponse response = rc.response();
        ValidKey key = null;
        String presented = presentedKey(request);
        if (presented != null) {
            KeyCheck check = check(presented, request, path, origin);
            if (check.refusal() != null) {
                corsHeaders(response, origin, allows(check.key(), origin));
                HttpProblems.write(response, check.refusal());
                return;
            }
            key = check.key();
            rc.put(VALID_KEY, key);
        }
        Gcra.Decision decision = limit(request, key);
        Passage passage = new Passage(allows(key, origin), origin, decision);
        if (decision != null && !decision.allowed()) {
            refuse(response, passage, key == null ? ANONYMOUS : key.policy());
            return;
        }
        rc.addHeadersEndHandler(ignored -> headers(response, passage));
        rc.next();
    }

    /** The key a request presents: valid and used as keys may be, or refused. */
    private record KeyCheck(ValidKey key, Problem refusal) {
    }

    private KeyCheck check(String presented, HttpServerRequest request, String path, String origin) {
        ApiKey parsed = ApiKey.parse(presented);
        String field = request.getHeader(KEY_HEADER) == null ? KEY_PARAM : KEY_HEADER;
        if (parsed != null && parsed.kind() == KeyKind.SECRET && field.equals(KEY_PARAM)) {
            return new KeyCheck(null, Problem.of(ProblemType.INVALID_REQUEST,
                    "secret keys go in the X-Api-Key header, never in a URL",
                    List.of(new FieldError(field, "is a secret key"))));
        }
        if (parsed != null && !keys.current()) {
            return new KeyCheck(null, Problem.of(ProblemType.UNAVAILABLE,
                    "API keys cannot be checked right now; retry shortly", List.of()));
        }
        ValidKey key = parsed == null ? null : keys.verify(parsed);
        if (key == null) {
            return new KeyCheck(null, Problem.of(ProblemType.UNAUTHORIZED, "unknown, revoked or expired API key",
                    List.of(new FieldError(field, "is not a valid key"))));
        }
        return new KeyCheck(key, misuse(key, request, path, origin));
    }

    /** CORS for {@code origin}: the key's partner allows it, or (without a key) any partner does. */
    private boolean allows(ValidKey key, String origin) {
        return origin != null && (key != null ? key.origins().contains(origin) : keys.anyPartnerAllows(origin));
    }

    private static String presentedKey(HttpServerRequest request) {
        String header = request.getHeader(KEY_HEADER);
        if (header != null) {
            return header.strip();
        }
        String query = request.query();
        return query != null && query.contains(KEY_PARAM + "=") ? request.getParam(KEY_PARAM) : null;
    }

    /** Keys only read; a publishable key calls the API only from its partner's pages. */
    private static Problem misuse(ValidKey key, HttpServerRequest request, String path, String origin) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return Problem.of(ProblemType.FORBIDDEN, "API keys only read the catalogue", List.of());
        }
        if (!key.secret() && path.startsWith("/api/") && (origin == null || !key.origins().contains(origin))) {
            return Problem.of(ProblemType.FORBIDDEN, "a publishable key is accepted only from its partner's allowed "
                    + "origins", List.of(new FieldError("Origin", "is not an allowed origin of this key's partner")));
        }
        return null;
    }

    /** Per key by its plan; per client address for reads without a key or a token; nothing else here. */
    private Gcra.Decision limit(HttpServerRequest request, ValidKey key) {
        Gcra.Decision decision;
        if (key != null) {
            decision = limits.take(key.policy(), key.id());
            usage.count(key.id(), decision == null || decision.allowed());
        } else if (request.getHeader("Authorization") == null
                && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)) {
            decision = limits.take(ANONYMOUS, clientAddress(request));
        } else {
            decision = null;
        }
        return decision;
    }

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private void preflight(HttpServerResponse response, String origin) {
        if (!keys.anyPartnerAllows(origin)) {
            response.headers().add("Vary", "Origin");
            HttpProblems.write(response, Problem.of(ProblemType.FORBIDDEN, "origin " + origin
                    + " is not an allowed origin of any partner", List.of(new FieldError("Origin", "is not allowed"))));
            return;
        }
        corsHeaders(response, origin, true);
        response.putHeader("Access-Control-Allow-Methods", "GET, HEAD")
                .putHeader("Access-Control-Allow-Headers", KEY_HEADER + ", If-None-Match")
                .putHeader("Access-Control-Max-Age", "600")
                .setStatusCode(204).end();
    }

    private static void refuse(HttpServerResponse response, Passage passage, String policy) {
        headers(response, passage);
        HttpProblems.write(response, RateLimitExceeded.problem(policy, passage.decision()));
    }

    private static void headers(HttpServerResponse response, Passage passage) {
        corsHeaders(response, passage.origin(), passage.cors());
        if (passage.decision() != null) {
            RateLimits.headers(passage.decision(), response::putHeader);
        }
    }

    private static void corsHeaders(HttpServerResponse response, String origin, boolean allowed) {
        if (origin == null) {
            return;
        }
        response.headers().add("Vary", "Origin");
        if (allowed) {
            response.putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Expose-Headers", EXPOSED);
        }
    }
}
