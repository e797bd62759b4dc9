package io.prepline.question.api;

import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Caller;
import io.prepline.question.me.MeModels.LikesPage;
import io.prepline.question.me.MyState;
import io.prepline.question.search.ListParams;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in caller's own state: the questions they like. The class path stops at {@code /api/v1} so that other
 * features' {@code me/...} paths (a caller's track progress) stay reachable: JAX-RS matches a class by its path first.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in caller's own state")
public class MeResource {

    @Inject
    MyState mine;
    @Inject
    SecurityIdentity identity;
    @Inject
    QuestionConfig config;

    @GET
    @Path("me/likes")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "listMyLikes", summary = "The questions the caller likes, most recent like first",
            description = "Keyset cursors: likes added meanwhile do not shift later pages. Retired questions stay "
                    + "in the list.")
    @APIResponse(responseCode = "200", description = "A page of liked questions",
            content = @Content(schema = @Schema(implementation = LikesPage.class),
                    examples = @ExampleObject(name = "likes", value = DiscussionExamples.MY_LIKES)))
    @APIResponse(responseCode = "400", description = "limit outside 1..100 or a cursor this list did not issue "
            + "(invalid-request)")
    public Response likes(@Parameter(description = "Questions per page, 1 to 100 (default 20)", example = "20",
                                  schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                          @QueryParam("limit") String limit,
                          @Parameter(description = "nextCursor of the previous page, unchanged",
                                  example = "bGlrZXN8MjAyNi0xMi0wMlQwOToxMDowMFp8M2YyYzlhNWUtOGQxYi00YzFlLTlhNTUtMGM4ZjJiN2QxZTEw")
                          @QueryParam("cursor") String cursor) {
        LikesPage page = mine.likes(Caller.of(identity).userId(), ListParams.limit(limit, config), cursor);
        return Response.ok(page).header("Cache-Control", "private, no-store").build();
    }
}
