package io.prepline.question.api;

import io.prepline.question.catalogue.RubricEditor;
import io.prepline.question.rubric.Rubric;
import io.prepline.question.rubric.RubricModels;
import io.prepline.question.catalogue.Caller;
import io.prepline.platform.problem.JsonBodies;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rubrics hold reviewer-only guidance: readable by staff, writable by authors. */
@Path("/api/v1/questions/{slug}/rubric")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rubrics", description = "Versioned scoring rubrics of questions and parts")
public class RubricResource {

    @Inject
    RubricEditor editor;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonBodies bodies;

    @GET
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"reviewer", "author", "admin"})
    @RolesAllowed({"reviewer", "author", "admin"})
    @Operation(operationId = "getRubric", summary = "Current rubrics, or one past version",
            description = "Without version: the current rubric of the question and of each part. With version (and "
                    + "part, 0 = the whole question): that immutable version.")
    @APIResponse(responseCode = "200", description = "RubricView, or a Rubric when version is given",
            content = @Content(schema = @Schema(oneOf = {RubricModels.RubricView.class, Rubric.class})))
    @APIResponse(responseCode = "404", description = "No such question or version (not-found)")
    public Response get(@Parameter(description = "Question slug", example = "explain-key-ml-theory-and-techniques-amazon")
                        @PathParam("slug") String slug,
                        @Parameter(description = "A past version number", example = "1") @QueryParam("version") Integer version,
                        @Parameter(description = "Part number for version (0 = whole question)", example = "0")
                        @QueryParam("part") Integer part) {
        if (version != null) {
            return Response.ok(editor.version(slug, part == null ? 0 : part, version)).build();
        }
        return Response.ok(editor.current(slug)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"author", "admin"})
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "updateRubric", summary = "Write new rubric versions",
            description = "Every rubric given becomes the next immutable version (old versions stay readable); the "
                    + "question version increases and the new snapshot is published.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RubricModels.RubricView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rubric, each field named (invalid-request), or a body "
            + "that is not JSON of this shape (invalid-json, unknown-field)")
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    @APIResponse(responseCode = "422", description = "The published snapshot would exceed the event size limit; the "
            + "largest field is named (too-large-to-publish)")
    public RubricModels.RubricView put(@Parameter(description = "Question slug", example = "explain-key-ml-theory-and-techniques-amazon")
                                       @PathParam("slug") String slug,
                                       @RequestBody(required = true, description = "New rubrics",
                                               content = @Content(schema = @Schema(implementation = RubricModels.RubricUpdate.class)))
                                       String body) {
        return editor.replace(slug, bodies.read(body, RubricModels.RubricUpdate.class), Caller.of(identity).userId());
    }
}
