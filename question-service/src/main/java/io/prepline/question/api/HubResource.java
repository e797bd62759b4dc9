package io.prepline.question.api;

import io.prepline.question.search.Filters;
import io.prepline.question.search.SearchModels;
import io.prepline.question.search.SearchService;
import io.prepline.question.search.TrackService;
import io.prepline.question.QuestionConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hubs (companies, roles, categories, topics with counts) and learning tracks. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hubs and tracks", description = "Browse the catalogue by company, role, category or topic; learning tracks")
public class HubResource {

    @Inject
    SearchService search;
    @Inject
    TrackService tracks;
    @Inject
    QuestionConfig config;

    @GET
    @Path("companies")
    @Operation(operationId = "listCompanies", summary = "Companies with their number of active questions",
            description = "Every company that asked an active question, with its slug and number of active questions "
                    + "(anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Hub.class)))
    public Response companies() {
        return cached(new SearchModels.Hub(search.facets(Filters.NONE).company()));
    }

    @GET
    @Path("roles")
    @Operation(operationId = "listRoles", summary = "Roles with their number of active questions",
            description = "Every role interviewed for in an active question, with its slug and number of active "
                    + "questions (anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Hub.class)))
    public Response roles() {
        return cached(new SearchModels.Hub(search.facets(Filters.NONE).role()));
    }

    @GET
    @Path("categories")
    @Operation(operationId = "listCategories", summary = "Categories with their number of active questions",
            description = "Every category of an active question, with its slug and number of active questions "
                    + "(anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Hub.class)))
    public Response categories() {
        return cached(new SearchModels.Hub(search.facets(Filters.NONE).category()));
    }

    @GET
    @Path("topics")
    @Operation(operationId = "listTopics", summary = "Topics with their number of active questions",
            description = "Every topic of an active question, with its slug and number of active questions "
                    + "(anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Hub.class)))
    public Response topics() {
        return cached(new SearchModels.Hub(search.facets(Filters.NONE).topic()));
    }

    @GET
    @Path("tracks")
    @Operation(operationId = "listTracks", summary = "Learning tracks",
            description = "Every learning track with its slug, title, description and number of questions "
                    + "(anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.TrackList.class)))
    public Response trackList() {
        return cached(tracks.tracks());
    }

    @GET
    @Path("tracks/{slug}")
    @Operation(operationId = "getTrack", summary = "A learning track with its questions in order",
            description = "The track and its questions in the order to work through them (anonymous callers allowed; "
                    + "Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Track.class)))
    @APIResponse(responseCode = "404", description = "No such track (not-found)")
    public Response track(@Parameter(description = "Track slug", example = "model-compression-essentials")
                          @PathParam("slug") String slug) {
        return cached(tracks.track(slug));
    }

    private Response cached(Object body) {
        return Response.ok(body).header("Cache-Control", "public, max-age=" + config.api().publicMaxAge().toSeconds()).build();
    }
}
