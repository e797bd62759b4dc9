package io.prepline.question.api;

import io.prepline.question.search.SearchModels;
import io.prepline.question.search.SearchService;
import io.prepline.question.QuestionConfig;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hubs: companies, roles, categories and topics with counts, from the search index (on the I/O thread). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hubs and tracks", description = "Browse the catalogue by company, role, category or topic; learning tracks")
public class HubResource {

    @Inject
    SearchService search;
    @Inject
    QuestionConfig config;

    @GET
    @NonBlocking
    @Path("companies")
    @Operation(operationId = "listCompanies", summary = "Companies with their number of active questions",
            description = "Every company that asked an active question, with its slug and number of active questions "
                    + "(anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Hub.class)))
    public Response companies() {
        return cached(new SearchModels.Hub(search.allFacets().company()));
    }

    @GET
    @NonBlocking
    @Path("roles")
    @Operation(operationId = "listRoles", summary = "Roles with their number of active questions",
            description = "Every role interviewed for in an active question, with its slug and number of active "
                    + "questions (anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Hub.class)))
    public Response roles() {
        return cached(new SearchModels.Hub(search.allFacets().role()));
    }

    @GET
    @NonBlocking
    @Path("categories")
    @Operation(operationId = "listCategories", summary = "Categories with their number of active questions",
            description = "Every category of an active question, with its slug and number of active questions "
                    + "(anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Hub.class)))
    public Response categories() {
        return cached(new SearchModels.Hub(search.allFacets().category()));
    }

    @GET
    @NonBlocking
    @Path("topics")
    @Operation(operationId = "listTopics", summary = "Topics with their number of active questions",
            description = "Every topic of an active question, with its slug and number of active questions "
                    + "(anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchModels.Hub.class)))
    public Response topics() {
        return cached(new SearchModels.Hub(search.allFacets().topic()));
    }

    private Response cached(Object body) {
        return Response.ok(body).header("Cache-Control", "public, max-age=" + config.api().publicMaxAge().toSeconds()).build();
    }
}
