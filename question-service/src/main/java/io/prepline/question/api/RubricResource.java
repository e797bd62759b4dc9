package io.prepline.question.api;

import io.prepline.question.catalogue.RubricEditor;
import io.prepline.question.rubric.Rubric;
import io.prepline.question.rubric.RubricModels;
import io.prepline.question.catalogue.Caller;
import io.prepline.platform.problem.JsonBodies;
import io.prepline.question.QuestionConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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

    private static final String SLUG = "explain-model-pruning-and-its-applications-amazon";
    /** The most parts a question may have (QuestionDocument.parts). */
    private static final int MAX_PART = 20;

    @Inject
    RubricEditor editor;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonBodies bodies;
    @Inject
    QuestionConfig config;

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
        RubricModels.RubricView view = editor.current(slug);
        return Response.ok(view).header("ETag", editor.etag(view)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"author", "admin"})
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "updateRubric", summary = "Write new rubric versions",
            description = "Needs If-Match with the ETag of the question's page or of its rubrics (GET .../rubric): "
                    + "another author's change in between is a 412. Every rubric given becomes the next immutable "
                    + "version (old versions stay readable); the question version increases and the new snapshot is "
                    + "published. To review a change before it is published, save it as a draft (POST /api/v1/drafts).")
    @APIResponse(responseCode = "200", description = "The current rubrics; ETag for the next change",
            content = @Content(schema = @Schema(implementation = RubricModels.RubricView.class),
                    examples = @ExampleObject(name = "rubrics", value = AuthoringExamples.RUBRIC_VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid rubric, each field named (invalid-request), or a body "
            + "that is not JSON of this shape (invalid-json, unknown-field)")
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    @APIResponse(responseCode = "412", description = "The question changed since it was read (precondition-failed)")
    @APIResponse(responseCode = "422", description = "The published snapshot would exceed the event size limit; the "
            + "largest field is named (too-large-to-publish)")
    @APIResponse(responseCode = "428", description = "If-Match is missing (precondition-required)")
    public Response put(@Parameter(description = "Question slug", example = SLUG) @PathParam("slug") String slug,
                        @Parameter(in = ParameterIn.HEADER, description = "ETag of the question or of its rubrics",
                                required = true, example = "\"v3.q3JtW1m0E2tY0jKx0n1pGkU5r6c\"")
                        @HeaderParam("If-Match") String ifMatch,
                        @RequestBody(required = true, description = "New rubrics",
                                content = @Content(schema = @Schema(implementation = RubricModels.RubricUpdate.class),
                                        examples = @ExampleObject(name = "rubric", value = AuthoringExamples.RUBRIC_UPDATE)))
                        String body) {
        RubricModels.RubricView view = editor.replace(slug, ifMatch, bodies.read(body, RubricModels.RubricUpdate.class),
                Caller.of(identity).userId());
        return Response.ok(view).header("ETag", editor.etag(view)).build();
    }

    @GET
    @Path("versions")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"reviewer", "author", "admin"})
    @Operation(operationId = "listRubricVersions", summary = "Versions of a rubric, newest first",
            description = "The versions of the rubric of the question (part 0) or of one part, with who wrote each "
                    + "and when; read one with GET .../rubric?version=N&part=P, compare two with .../diff.")
    @APIResponse(responseCode = "200", description = "A page of versions",
            content = @Content(schema = @Schema(implementation = RubricModels.VersionList.class),
                    examples = @ExampleObject(name = "versions", value = AuthoringExamples.RUBRIC_VERSIONS)))
    @APIResponse(responseCode = "400", description = "part, before or limit not a whole number in range (invalid-request)")
    @APIResponse(responseCode = "404", description = "No such question or part (not-found)")
    public RubricModels.VersionList versions(
            @Parameter(description = "Question slug", example = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "Part number (0 = the whole question, the default)", example = "0")
            @QueryParam("part") String part,
            @Parameter(description = "Only versions older than this one (nextBefore of the previous page)", example = "3")
            @QueryParam("before") String before,
            @Parameter(description = "Versions per page, 1..100 (default 20)", example = "20") @QueryParam("limit") String limit) {
        return editor.versions(slug, QueryNumbers.whole("part", part, 0, MAX_PART, 0),
                QueryNumbers.whole("before", before, 1, Integer.MAX_VALUE, null),
                QueryNumbers.whole("limit", limit, 1, config.api().maxLimit(), config.api().defaultLimit()));
    }

    @GET
    @Path("versions/{from}/diff/{to}")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"reviewer", "author", "admin"})
    @Operation(operationId = "diffRubricVersions", summary = "What changed between two versions of a rubric",
            description = "Per criterion (matched by key) and per point (matched by id): added, removed, or changed with "
                    + "the names of the fields that changed and both values. Unchanged criteria and points are left out.")
    @APIResponse(responseCode = "200", description = "The differences",
            content = @Content(schema = @Schema(implementation = RubricModels.Diff.class),
                    examples = @ExampleObject(name = "diff", value = AuthoringExamples.RUBRIC_DIFF)))
    @APIResponse(responseCode = "400", description = "A version or part not a whole number in range (invalid-request)")
    @APIResponse(responseCode = "404", description = "No such question, part or version (not-found)")
    public RubricModels.Diff diff(
            @Parameter(description = "Question slug", example = SLUG) @PathParam("slug") String slug,
            @Parameter(description = "The version to compare from", example = "1") @PathParam("from") String from,
            @Parameter(description = "The version to compare to", example = "2") @PathParam("to") String to,
            @Parameter(description = "Part number (0 = the whole question, the default)", example = "0")
            @QueryParam("part") String part) {
        return editor.diff(slug, QueryNumbers.whole("part", part, 0, MAX_PART, 0),
                QueryNumbers.whole("from", from, 1, Integer.MAX_VALUE, null),
                QueryNumbers.whole("to", to, 1, Integer.MAX_VALUE, null));
    }
}
