package io.prepline.question.api;

import java.net.URI;
import java.util.UUID;

import io.prepline.platform.problem.JsonBodies;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Caller;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.drafts.DraftModels;
import io.prepline.question.drafts.DraftService;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Drafts of questions and rubrics: saved, previewed, reviewed and published by authors; read by reviewers too. */
@Path("/api/v1/drafts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drafts", description = "Question and rubric changes saved for review before they are published")
public class DraftResource {

    private static final String ETAG_EXAMPLE = "\"v1.Qm9vZHJhZnRldGFnZXhhbXBsZTEyMzQ1Njc4OTA\"";

    @Inject
    DraftService drafts;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonBodies bodies;
    @Inject
    QuestionConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "createDraft", summary = "Save a draft of a new question or of a change",
            description = "Checked like the change it would become (the same field errors), stored, not published: "
                    + "the catalogue and catalogue.questions.v1 see nothing of it until it is published.")
    @APIResponse(responseCode = "201", description = "Saved; Location names the draft, ETag its revision",
            content = @Content(schema = @Schema(implementation = DraftModels.Draft.class),
                    examples = @ExampleObject(name = "draft", value = AuthoringExamples.DRAFT)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors (invalid-request); a body "
            + "that is not JSON of this shape (invalid-json, unknown-field)")
    @APIResponse(responseCode = "404", description = "The question named does not exist (not-found)")
    @APIResponse(responseCode = "409", description = "The author holds the most open drafts allowed (too-many-drafts)")
    public Response create(@RequestBody(required = true, description = "The draft",
            content = @Content(schema = @Schema(implementation = DraftModels.DraftRequest.class),
                    examples = @ExampleObject(name = "rubric change", value = AuthoringExamples.DRAFT_REQUEST))) String body) {
        DraftModels.Draft draft = drafts.create(bodies.read(body, DraftModels.DraftRequest.class),
                Caller.of(identity).userId());
        return Response.created(URI.create("/api/v1/drafts/" + draft.id())).entity(draft)
                .header("ETag", drafts.etag(draft)).build();
    }

    @GET
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"reviewer", "author", "admin"})
    @Operation(operationId = "listDrafts", summary = "Open drafts, newest first",
            description = "Optionally only those of one question or of one author.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DraftModels.DraftList.class),
            examples = @ExampleObject(name = "drafts", value = AuthoringExamples.DRAFTS)))
    @APIResponse(responseCode = "400", description = "limit not a whole number from 1 to 100 (invalid-request)")
    @APIResponse(responseCode = "404", description = "The question named does not exist (not-found)")
    public DraftModels.DraftList list(
            @Parameter(description = "Only drafts of this question (slug)", example = QuestionResource.SLUG_EXAMPLE)
            @QueryParam("question") String question,
            @Parameter(description = "Only drafts of this author (user id)", example = "ada") @QueryParam("author") String author,
            @Parameter(description = "Most drafts returned, 1..100 (default 20)", example = "20") @QueryParam("limit") String limit) {
        return drafts.list(blankToNull(question), blankToNull(author),
                QueryNumbers.whole("limit", limit, 1, config.api().maxLimit(), config.api().defaultLimit()));
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"reviewer", "author", "admin"})
    @Operation(operationId = "getDraft", summary = "Read a draft",
            description = "Open or published; ETag for If-Match of a change.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DraftModels.Draft.class),
            examples = @ExampleObject(name = "draft", value = AuthoringExamples.DRAFT)))
    @APIResponse(responseCode = "400", description = "id is not a UUID (invalid-request)")
    @APIResponse(responseCode = "404", description = "No such draft (not-found)")
    public Response get(@Parameter(description = "Draft id", example = AuthoringExamples.DRAFT_ID) @PathParam("id") String id) {
        DraftModels.Draft draft = drafts.get(draftId(id));
        return Response.ok(draft).header("ETag", drafts.etag(draft)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "replaceDraft", summary = "Save a draft again",
            description = "Needs If-Match with the draft's ETag. Replaces its document and rubrics; a draft of a change "
                    + "is then based on the question's current version.")
    @APIResponse(responseCode = "200", description = "The draft as saved; ETag of its new revision",
            content = @Content(schema = @Schema(implementation = DraftModels.Draft.class),
                    examples = @ExampleObject(name = "draft", value = AuthoringExamples.DRAFT)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors (invalid-request); a body "
            + "that is not JSON of this shape (invalid-json, unknown-field)")
    @APIResponse(responseCode = "404", description = "No such draft (not-found)")
    @APIResponse(responseCode = "409", description = "The draft was published already (conflict)")
    @APIResponse(responseCode = "412", description = "The draft was saved by someone else since it was read (precondition-failed)")
    @APIResponse(responseCode = "428", description = "If-Match is missing (precondition-required)")
    public Response replace(
            @Parameter(description = "Draft id", example = AuthoringExamples.DRAFT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the draft", required = true, example = ETAG_EXAMPLE)
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = true, description = "The whole draft",
                    content = @Content(schema = @Schema(implementation = DraftModels.DraftRequest.class),
                            examples = @ExampleObject(name = "rubric change", value = AuthoringExamples.DRAFT_REQUEST)))
            String body) {
        DraftModels.Draft draft = drafts.replace(draftId(id), ifMatch, bodies.read(body, DraftModels.DraftRequest.class));
        return Response.ok(draft).header("ETag", drafts.etag(draft)).build();
    }

    @DELETE
    @Path("{id}")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "discardDraft", summary = "Discard an open draft",
            description = "Needs If-Match with the draft's ETag.")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "404", description = "No such draft (not-found)")
    @APIResponse(responseCode = "409", description = "The draft was published already (conflict)")
    @APIResponse(responseCode = "412", description = "The draft changed since it was read (precondition-failed)")
    @APIResponse(responseCode = "428", description = "If-Match is missing (precondition-required)")
    public Response discard(
            @Parameter(description = "Draft id", example = AuthoringExamples.DRAFT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the draft", required = true, example = ETAG_EXAMPLE)
            @HeaderParam("If-Match") String ifMatch) {
        drafts.discard(draftId(id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/preview")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"reviewer", "author", "admin"})
    @Operation(operationId = "previewDraft", summary = "The question's page as it would look once the draft is published",
            description = "The page in the shape of GET /api/v1/questions/{slug} (version, criteria and related "
                    + "questions as they would be), and ready request bodies for review-worker's score preview, one "
                    + "per rubric the draft writes: add a sample answer as body to see how it would be scored. "
                    + "Nothing is stored or published.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DraftModels.Preview.class),
            examples = @ExampleObject(name = "preview", value = AuthoringExamples.DRAFT_PREVIEW)))
    @APIResponse(responseCode = "400", description = "id is not a UUID (invalid-request)")
    @APIResponse(responseCode = "404", description = "No such draft (not-found)")
    public DraftModels.Preview preview(
            @Parameter(description = "Draft id", example = AuthoringExamples.DRAFT_ID) @PathParam("id") String id) {
        return drafts.preview(draftId(id));
    }

    @POST
    @Path("{id}/publish")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "publishDraft", summary = "Publish a draft",
            description = "Needs If-Match with the ETag of the revision reviewed. Applies the draft as one change of "
                    + "the question (one new version, a new rubric version per rubric given) or creates the question, "
                    + "and publishes it to catalogue.questions.v1; the draft stays readable as PUBLISHED. A draft of a "
                    + "change whose question changed since it was saved is a 409: save it again first.")
    @APIResponse(responseCode = "200", description = "The changed question's page; ETag for its next change",
            content = @Content(schema = @Schema(implementation = QuestionDocument.class),
                    examples = @ExampleObject(name = "page", value = AuthoringExamples.PUBLISHED)))
    @APIResponse(responseCode = "201", description = "The new question's page; Location names it",
            content = @Content(schema = @Schema(implementation = QuestionDocument.class),
                    examples = @ExampleObject(name = "page", value = AuthoringExamples.PUBLISHED)))
    @APIResponse(responseCode = "400", description = "The draft no longer meets the rules (a slug taken since), each "
            + "field named (invalid-request)")
    @APIResponse(responseCode = "404", description = "No such draft (not-found)")
    @APIResponse(responseCode = "409", description = "Published already, or the question changed since the draft was "
            + "saved (conflict)")
    @APIResponse(responseCode = "412", description = "The draft changed since it was read (precondition-failed)")
    @APIResponse(responseCode = "422", description = "The published snapshot would exceed the event size limit "
            + "(too-large-to-publish)")
    @APIResponse(responseCode = "428", description = "If-Match is missing (precondition-required)")
    public Response publish(
            @Parameter(description = "Draft id", example = AuthoringExamples.DRAFT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the draft revision reviewed", required = true,
                    example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        DraftService.Published published = drafts.publish(draftId(id), ifMatch);
        URI location = QuestionResource.location(published.page().slug());
        Response.ResponseBuilder response = published.created() ? Response.created(location)
                : Response.ok().header("Content-Location", location.toString());
        return response.entity(published.page().json()).type(MediaType.APPLICATION_JSON_TYPE)
                .header("ETag", published.page().etag()).build();
    }

    private static UUID draftId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a draft id (a UUID)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
