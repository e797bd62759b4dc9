package io.prepline.question.embed;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.problem.ProblemType;
import io.prepline.question.QuestionConfig;
import io.prepline.question.partners.ApiKey;
import io.prepline.question.partners.KeyKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * oEmbed 1.0 for question pages: a consumer gives the embed address (or the question's page on the platform) and gets
 * a {@code rich} answer whose HTML is the iframe of the embed. JSON only: other formats are 501, as the spec says.
 */
@ApplicationScoped
public class OEmbed {

    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final int MAX_URL = 2000;

    @Inject
    EmbedPages pages;
    @Inject
    QuestionConfig config;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An oEmbed 1.0 rich response")
    public record Response(String version, String type, @JsonProperty("provider_name") String providerName,
                           @JsonProperty("provider_url") String providerUrl, String title, int width, int height,
                           @JsonProperty("cache_age") long cacheAge, String html) {
    }

    /** The answer for {@code url}; 404 when it names no question of ours, 501 for a format other than JSON. */
    public Response answer(String url, String format, Integer maxWidth, Integer maxHeight, String baseUrl) {
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new ProblemException(501, "unsupported-format", "Unsupported format",
                    "only format=json is served", List.of(new FieldError("format", "must be json")));
        }
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw ProblemException.invalid("url", "is required, at most " + MAX_URL + " characters");
        }
        checkSize("maxwidth", maxWidth);
        checkSize("maxheight", maxHeight);
        Target target = target(url.strip(), baseUrl);
        EmbedPage page = pages.page(target.slug());
        int width = Math.min(config.embed().defaultWidth(), maxWidth == null ? Integer.MAX_VALUE : maxWidth);
        int height = Math.min(config.embed().defaultHeight(), maxHeight == null ? Integer.MAX_VALUE : maxHeight);
        String src = EmbedPages.embedUrl(baseUrl, target.slug(), target.key());
        String html = "<iframe src=\"" + Html.escape(src) + "\" width=\"" + width + "\" height=\"" + height
                + "\" title=\"" + Html.escape("Interview question: " + page.title())
                + "\" style=\"border:0;max-width:100%\"></iframe>";
        String provider = URI.create(config.embed().answerUrl().replace("{slug}", "")).resolve("/").toString();
        return new Response("1.0", "rich", "Prepline", provider, page.title(), width, height,
                config.embed().maxAge().toSeconds(), html);
    }

    private record Target(String slug, String key) {
    }

    /** The question an address names: this service's embed address, or its page on the platform. */
    private Target target(String url, String baseUrl) {
        String embedPrefix = baseUrl + EmbedPages.PATH;
        String template = config.embed().answerUrl();
        String pagePrefix = template.substring(0, template.indexOf("{slug}"));
        String rest;
        if (url.startsWith(embedPrefix)) {
            rest = url.substring(embedPrefix.length());
        } else if (!pagePrefix.isEmpty() && url.startsWith(pagePrefix)) {
            rest = url.substring(pagePrefix.length());
        } else {
            throw notOurs(url);
        }
        int query = rest.indexOf('?');
        String slug = query < 0 ? rest : rest.substring(0, query);
        String key = query < 0 ? null : keyOf(rest.substring(query + 1));
        if (!slug.matches(SLUG) || slug.length() > 120) {
            throw notOurs(url);
        }
        if (key != null) {
            ApiKey parsed = ApiKey.parse(key);
            if (parsed == null || parsed.kind() != KeyKind.PUBLISHABLE) {
                throw ProblemException.invalid("url", "the key in the address must be a publishable key");
            }
        }
        return new Target(slug, key);
    }

    private static String keyOf(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("key=")) {
                try {
                    return URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return "";
                }
            }
        }
        return null;
    }

    private static void checkSize(String field, Integer value) {
        if (value != null && (value < 1 || value > 10_000)) {
            throw ProblemException.invalid(field, "must be between 1 and 10000");
        }
    }

    private static ProblemException notOurs(String url) {
        return new ProblemException(ProblemType.NOT_FOUND, "no question is embedded at " + url,
                List.of(new FieldError("url", "is not the address of a question")));
    }
}
