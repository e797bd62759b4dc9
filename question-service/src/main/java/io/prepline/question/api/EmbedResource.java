package io.prepline.question.api;

import io.prepline.platform.problem.Problem;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.QuestionConfig;
import io.prepline.question.embed.EmbedPage;
import io.prepline.question.embed.EmbedPages;
import io.prepline.question.embed.OEmbed;
import io.prepline.question.partners.PartnerGate;
import io.prepline.question.partners.ValidKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The embeddable question page, the script that embeds it, and oEmbed. */
@Path("/")
@Tag(name = "Embed", description = "Questions embedded in partners' pages: the page, embed.js and oEmbed")
public class EmbedResource {

    private static final String HOST = "[A-Za-z0-9.\\-\\[\\]:]{1,255}";

    @Inject
    EmbedPages pages;
    @Inject
    OEmbed oembed;
    @Inject
    QuestionConfig config;

    @GET
    @Path("embed/v1/questions/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirement(name = PartnerResource.PUBLISHABLE_KEY)
    @Operation(operationId = "getEmbeddedQuestion", summary = "A question as a self-contained page to frame",
            description = "Inline CSS, no request to any other origin, light and dark themes, 320 to 1200 px. "
                    + "Content-Security-Policy frame-ancestors lists the origins of the key's partner ('none' without "
                    + "a key). Tells the framing page its height (postMessage {type: 'prepline:height', height}).")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "401", description = "Unknown, revoked or expired key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such question",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Over the plan's rate limit (Retry-After, RateLimit-* headers)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too-many", value = PartnerExamples.TOO_MANY)))
    public Uni<Response> question(
            @Parameter(description = "Question slug", example = QuestionResource.SLUG_EXAMPLE) @PathParam("slug") String slug,
            @Parameter(description = "The partner's publishable key", example = PartnerExamples.ISSUED_KEY_TEXT)
            @QueryParam("key") String key,
            @Context RoutingContext rc) {
        ValidKey valid = PartnerGate.key(rc);
        String base = baseUrl(rc.request());
        String shownKey = valid == null ? null : key;
        return QuestionResource.cachedOrLoaded(pages.cached(slug), () -> pages.page(slug),
                page -> page(page, base, shownKey, valid));
    }

    private Response page(EmbedPage page, String base, String key, ValidKey valid) {
        return Response.ok(page.html(base, key), "text/html; charset=utf-8")
                .header("Content-Security-Policy", pages.securityPolicy(valid == null ? null : valid.origins()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "public, max-age=" + config.embed().maxAge().toSeconds())
                .build();
    }

    @GET
    @Path("embed/v1/embed.js")
    @Produces("text/javascript")
    @Operation(operationId = "getEmbedScript", summary = "The script that turns data-prepline-question elements into "
            + "embedded questions",
            description = "<div data-prepline-question=\"slug\" data-key=\"pk_...\"></div> becomes an iframe of the "
                    + "question that resizes to its content.")
    @APIResponse(responseCode = "200", description = "The script", content = @Content(mediaType = "text/javascript"))
    public Response script() {
        return Response.ok(pages.embedScript(), "text/javascript; charset=utf-8").header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=3600").build();
    }

    @GET
    @Path("oembed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOembed", summary = "oEmbed 1.0: the iframe of a question, for consumers that embed links",
            description = "url: the embed address (with ?key=pk_... to be framed on the partner's origins) or the "
                    + "question's page on the platform. JSON only (501 for any other format).")
    @APIResponse(responseCode = "200", description = "A rich oEmbed response",
            content = @Content(schema = @Schema(implementation = OEmbed.Response.class),
                    examples = @ExampleObject(name = "rich", value = PartnerExamples.OEMBED)))
    @APIResponse(responseCode = "400", description = "url missing or too long, maxwidth or maxheight not 1..10000",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The url names no question",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "A format other than json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OEmbed.Response oembed(
            @Parameter(description = "Address of the embed or of the question's page", required = true,
                    example = "https://api.prepline.io/embed/v1/questions/explain-model-pruning-and-its-applications-amazon")
            @QueryParam("url") String url,
            @Parameter(description = "json (the default); anything else is 501", example = "json")
            @QueryParam("format") String format,
            @Parameter(description = "Widest iframe the consumer can show, in px", example = "600")
            @QueryParam("maxwidth") String maxWidth,
            @Parameter(description = "Tallest iframe the consumer can show, in px", example = "800")
            @QueryParam("maxheight") String maxHeight,
            @Context RoutingContext rc) {
        return oembed.answer(url, format, number("maxwidth", maxWidth), number("maxheight", maxHeight),
                baseUrl(rc.request()));
    }

    /** This service's address as the partner's browser reaches it: configured, or the request's scheme and host. */
    private String baseUrl(HttpServerRequest request) {
        if (config.embed().publicUrl().isPresent()) {
            return config.embed().publicUrl().get().replaceAll("/+$", "");
        }
        String host = request.host();
        return request.scheme() + "://" + (host != null && host.matches(HOST) ? host : "localhost");
    }

    private static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number of pixels");
        }
    }
}
