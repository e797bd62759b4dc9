package io.prepline.question.api;

import io.prepline.question.catalogue.Caller;
import io.prepline.question.catalogue.CatalogueService;
import io.prepline.question.catalogue.ImportRequest;
import io.prepline.question.catalogue.ImportResult;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.catalogue.RenderedQuestion;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.prepline.question.QuestionConfig;
import io.prepline.question.me.MeModels;
import io.prepline.question.me.MyState;
import io.prepline.platform.problem.JsonBodies;
import io.prepline.question.search.Autocomplete;
import io.prepline.question.search.FilterParams;
import io.prepline.question.search.ListParams;
import io.prepline.question.search.Listings;
import io.prepline.question.search.RelatedService;
import io.prepline.question.search.SearchModels;
import jakarta.ws.rs.BeanParam;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A question page: read it (ETag, conditional GET) and, for authors, write it. */
@Path("/api/v1/questions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questions", description = "Question pages and their authoring")
public class QuestionResource {

    static final String SLUG_EXAMPLE = "explain-model-pruning-and-its-applications-amazon";
    private static final String PRIVATE = "private, no-cache";

    @Inject
    CatalogueService catalogue;
    @Inject
    SecurityIdentity identity;
    @Inject
    QuestionConfig config;
    @Inject
    Listings listings;
    @Inject
    JsonBodies bodies;
    @Inject
    RelatedService related;
    @Inject
    MyState mine;
    @Inject
    Autocomplete autocomplete;

    @GET
    @Operation(operationId = "listQuestions", summary = "List and search questions",
            description = "Filters combine with AND; company, role and round must match the same report of the question. "
                    + "q is a web-style full-text query (stemmed English; title weighs most, then overview and topics, "
                    + "then body). Pages are keyset cursors: stable while questions are added. With a token, each "
                    + "item says whether the caller likes and solved it (me).")
    @APIResponse(responseCode = "200", description = "A page of questions",
            content = @Content(schema = @Schema(implementation = MeModels.MarkedPage.class)))
    @APIResponse(responseCode = "400", description = "Unknown filter value, q too long, limit outside 1..100, unknown "
            + "sort or a cursor not issued for this sort and these filters (invalid-request)")
    public Uni<Response> list(@BeanParam ListParams params) {
        ListParams.PageRequest request = params.request(config);
        Caller caller = Caller.of(identity);
        if (!caller.anonymous()) {
            return onWorker(() -> privateJson(mine.page(listings.page(request), caller.userId())));
        }
        return fromIndex(() -> publicJson(listings.page(request)));
    }

    @GET
    @Path("facets")
    @Operation(operationId = "getQuestionFacets",
            summary = "Counts per company, role, category, difficulty, round and topic",
            description = "For the questions matching the same filters as the list.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Facets.class)))
    @APIResponse(responseCode = "400", description = "Unknown filter value or q too long (invalid-request)")
    public Uni<Response> facets(@BeanParam FilterParams params) {
        FilterParams.Values filters = params.values();
        return fromIndex(() -> publicJson(listings.facets(filters)));
    }

    @GET
    @Path("suggest")
    @Operation(operationId = "suggestQuestions", summary = "Complete what a searcher is typing",
            description = "Active questions whose title has words starting with each word of q (the last one may be "
                    + "half typed), shortest title first; companies and topics with a word starting with q, most "
                    + "questions first. At most question.search.suggestions (5) of each. From the search index, "
                    + "never cached: it changes with every letter.")
    @APIResponse(responseCode = "200", description = "The completions",
            content = @Content(schema = @Schema(implementation = SearchModels.Suggestions.class)))
    @APIResponse(responseCode = "400", description = "q missing, longer than question.search.max-suggest-length (100) "
            + "characters or without a letter or digit (invalid-request)")
    @NonBlocking
    public Response suggest(@Parameter(description = "The text typed so far", required = true, example = "model pru",
            schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @QueryParam("q") String q) {
        return Response.ok(autocomplete.suggest(q), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control",
                publicCacheControl()).build();
    }

    // lists, searches and facets come from memory (the search index, cached pages of it): answered on the I/O thread
    private static Uni<Response> fromIndex(Supplier<Response> respond) {
        return Uni.createFrom().item(respond);
    }

    // a cached result is answered on the I/O thread; only a miss goes to a worker thread for the database
    static <T> Uni<Response> cachedOrLoaded(T cached, Supplier<T> load, Function<T, Response> respond) {
        if (cached != null) {
            return Uni.createFrom().item(respond.apply(cached));
        }
        return onWorker(() -> respond.apply(load.get()));
    }

    private static Uni<Response> onWorker(Supplier<Response> respond) {
        return Uni.createFrom().item(respond).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response publicJson(byte[] json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", publicCacheControl())
                .header("Vary", "Authorization").build();
    }

    // a signed-in caller's copy carries their own marks: for them only
    private static Response privateJson(byte[] json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", PRIVATE)
                .header("Vary", "Authorization").build();
    }

    private String publicCacheControl() {
        return "public, max-age=" + config.api().publicMaxAge().toSeconds();
    }

    @GET
    @Path("{slug}/related")
    @Operation(operationId = "listRelatedQuestions", summary = "Related questions",
            description = "Editors' links first, then questions sharing topics and companies and similar text.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.RelatedList.class)))
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    public Response related(@Parameter(description = "Question slug", example = SLUG_EXAMPLE) @PathParam("slug") String slug) {
        return Response.ok(new SearchModels.RelatedList(related.related(slug)))
                .header("Cache-Control", publicCacheControl()).build();
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "getQuestion", summary = "Read a question page",
            description = "The full page except the sample answer (a teaser only: see /sample-answer). Strong ETag; "
                    + "send If-None-Match to get 304 when unchanged. With a token, the page says whether the caller "
                    + "likes and solved the question (me), under an ETag of its own.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(schema = @Schema(implementation = MeModels.MarkedQuestion.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    public Uni<Response> detail(
            @Parameter(description = "Question slug", example = SLUG_EXAMPLE) @PathParam("slug") String slug,
            @Parameter(description = "ETag of a copy the client holds", example = "\"v3.q3JtW1m0E2tY0jKx0n1pGkU5r6c\"")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        Caller caller = Caller.of(identity);
        if (!caller.anonymous()) {
            return onWorker(() -> page(mine.detail(catalogue.detail(slug), caller.userId()), ifNoneMatch, PRIVATE));
        }
        // cached or not, the page is answered on the I/O thread: a page not cached is read without blocking
        return catalogue.page(slug).map(page -> page(page, ifNoneMatch, publicCacheControl()));
    }

    private static Response page(RenderedQuestion page, String ifNoneMatch, String cacheControl) {
        Response.ResponseBuilder response = page.matches(ifNoneMatch) ? Response.notModified()
                : Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE);
        return response.header("ETag", page.etag()).header("Cache-Control", cacheControl)
                .header("Vary", "Authorization").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"author", "admin"})
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "createQuestion", summary = "Create a question",
            description = "Accepts the shape of the detail page (server-owned fields are ignored), plus optional "
                    + "rubric and part rubrics. Publishes the question to catalogue.questions.v1.")
    @APIResponse(responseCode = "201", description = "Created; Location names the page",
            content = @Content(schema = @Schema(implementation = QuestionDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (a slug already used among them), each named in "
            + "errors (invalid-request), or a body that is not JSON of this shape (invalid-json, unknown-field)")
    @APIResponse(responseCode = "422", description = "The published snapshot would exceed the event size limit; the "
            + "largest field is named (too-large-to-publish)")
    public Response create(@RequestBody(required = true, description = "The question",
            content = @Content(schema = @Schema(implementation = QuestionDocument.class))) String body) {
        RenderedQuestion page = catalogue.create(bodies.read(body, QuestionDocument.class), Caller.of(identity).userId());
        return Response.created(location(page.slug())).entity(page.json()).type(MediaType.APPLICATION_JSON_TYPE)
                .header("ETag", page.etag()).build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"author", "admin"})
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "replaceQuestion", summary = "Replace a question",
            description = "Needs If-Match with the ETag of the page being edited (likes and solved counts that changed "
                    + "since do not conflict; other edits do). A changed rubric becomes a new version.")
    @APIResponse(responseCode = "200", description = "Updated page",
            content = @Content(schema = @Schema(implementation = QuestionDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors (invalid-request), or a "
            + "body that is not JSON of this shape (invalid-json, unknown-field)")
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    @APIResponse(responseCode = "412", description = "The page changed since it was read (precondition-failed)")
    @APIResponse(responseCode = "422", description = "The published snapshot would exceed the event size limit; the "
            + "largest field is named (too-large-to-publish)")
    @APIResponse(responseCode = "428", description = "If-Match is missing (precondition-required)")
    public Response update(
            @Parameter(description = "Question slug", example = SLUG_EXAMPLE) @PathParam("slug") String slug,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the page being edited", required = true,
                    example = "\"v3.q3JtW1m0E2tY0jKx0n1pGkU5r6c\"") @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = true, description = "The whole question (server-owned fields are ignored)",
                    content = @Content(schema = @Schema(implementation = QuestionDocument.class))) String body) {
        RenderedQuestion page = catalogue.update(slug, ifMatch, bodies.read(body, QuestionDocument.class),
                Caller.of(identity).userId());
        return Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE).header("ETag", page.etag())
                .header("Content-Location", location(page.slug()).toString()).build();
    }

    @DELETE
    @Path("{slug}")
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"author", "admin"})
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "retireQuestion", summary = "Retire a question",
            description = "Hidden from lists and search, still readable by slug; published with status RETIRED.")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    @APIResponse(responseCode = "412", description = "The page changed since it was read (precondition-failed)")
    @APIResponse(responseCode = "428", description = "If-Match is missing (precondition-required)")
    public Response retire(
            @Parameter(description = "Question slug", example = SLUG_EXAMPLE) @PathParam("slug") String slug,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the page", required = true,
                    example = "\"v3.q3JtW1m0E2tY0jKx0n1pGkU5r6c\"") @HeaderParam("If-Match") String ifMatch) {
        catalogue.retire(slug, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"author", "admin"})
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "importQuestions", summary = "Import a JSON catalogue",
            description = "All or nothing: when any question is invalid nothing is stored and the problem lists the "
                    + "errors of each item. Related questions may refer to other questions of the same import.")
    @APIResponse(responseCode = "201", description = "Every question was created",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid questions, each item's errors in items (invalid-import); "
            + "no questions or too many (invalid-request); a body that is not JSON of this shape (invalid-json, "
            + "unknown-field)")
    @APIResponse(responseCode = "422", description = "A question's published snapshot would exceed the event size "
            + "limit (too-large-to-publish)")
    public Response importCatalogue(@RequestBody(required = true, description = "The catalogue",
            content = @Content(schema = @Schema(implementation = ImportRequest.class))) String body) {
        ImportRequest request = bodies.read(body, ImportRequest.class);
        List<ImportResult.Created> created = catalogue.importAll(request.questions(), Caller.of(identity).userId(), false)
                .stream().map(q -> new ImportResult.Created(q.id, q.slug, location(q.slug).toString())).toList();
        return Response.status(201).entity(new ImportResult(created.size(), created)).build();
    }

    static URI location(String slug) {
        return URI.create("/api/v1/questions/" + slug);
    }
}
