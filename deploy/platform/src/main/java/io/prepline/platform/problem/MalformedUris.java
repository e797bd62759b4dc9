package io.prepline.platform.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import io.prepline.platform.http.SecurityHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request whose URI is not a valid URI (a malformed percent-encoding such as {@code ?cursor=%%%x}, an illegal
 * character) or carries a NUL ({@code %00}, which no text column takes) is refused with a 400 problem naming the
 * query parameter, or {@code path}, before anything reads it. The first is the HTTP server's own check
 * ({@code new URI(uri)}), made first in the router so that the refusal has a body; {@link io.prepline.platform.ServiceMain}
 * turns the server's check off (it would answer an empty 400).
 */
@ApplicationScoped
public class MalformedUris {

    /** Quarkus' switch for its own check, read once when its HTTP layer is loaded. */
    static final String SERVER_CHECK_OFF = "vertx.disableURIValidation";
    private static final int MAX_FIELD_CHARS = 64;

    /** Hands the check to the router; call before Quarkus starts. */
    public static void checkInRouter() {
        System.setProperty(SERVER_CHECK_OFF, "true");
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(MalformedUris::check);
    }

    private static void check(RoutingContext rc) {
        String uri = rc.request().uri();
        Problem refusal = refusal(uri);
        if (refusal == null) {
            rc.next();
            return;
        }
        SecurityHeaders.addIfApi(uri.split("\\?", 2)[0], rc.response());
        HttpProblems.write(rc.response(), refusal);
    }

    /** The 400 problem for a request URI, or null when it is well-formed. */
    static Problem refusal(String uri) {
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return invalid(uri, e.getIndex(), "is not valid in a URI: " + e.getReason().toLowerCase(Locale.ROOT));
        }
        int nul = uri.indexOf("%00");
        return nul < 0 ? null : invalid(uri, nul, "must not contain a NUL character (%00)");
    }

    private static Problem invalid(String uri, int index, String message) {
        return Problem.of(ProblemType.INVALID_REQUEST, "the request URI is malformed",
                List.of(new FieldError(fieldAt(uri, index), message)));
    }

    /** The query parameter holding the character at {@code index} of {@code uri}, or {@code path}. */
    static String fieldAt(String uri, int index) {
        int query = uri.indexOf('?');
        if (query < 0 || index <= query) {
            return "path";
        }
        int start = Math.max(uri.lastIndexOf('&', index - 1), query) + 1;
        int end = uri.indexOf('&', index);
        String name = uri.substring(start, end < 0 ? uri.length() : end).split("=", 2)[0];
        if (name.isEmpty()) {
            return "query";
        }
        return name.length() > MAX_FIELD_CHARS ? name.substring(0, MAX_FIELD_CHARS) : name;
    }
}
