package io.prepline.review.preview;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.prepline.review.ReviewConfig;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.problem.ProblemType;
import io.prepline.platform.ratelimit.RateLimits;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/score-preview")
@Tag(name = "Score preview", description = "Scoring a draft answer without storing it")
public class ScorePreviewResource {

    /** Previews per signed-in user ({@code prepline.rate-limit.policies.score-preview}). */
    static final String PREVIEWS = "score-preview";

    private final ScorePreviewService service;
    private final ReviewConfig config;
    private final ObjectMapper mapper;
    private final RateLimits limits;
    private final SecurityIdentity identity;

    ScorePreviewResource(ScorePreviewService service, ReviewConfig config, ObjectMapper mapper, RateLimits limits,
                         SecurityIdentity identity) {
        this.service = service;
        this.config = config;
        this.limits = limits;
        this.identity = identity;
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"author", "reviewer", "admin"})
    @Operation(operationId = "previewScore",
            summary = "Score a draft answer against a question's current rubric or a draft rubric; nothing is stored "
                    + "or published",
            description = "question: the slug or id; part: a part number or null; body: the markdown, at most 20,000 "
                    + "characters. Without rubric the answer is scored against the rubric the scoring pipeline uses; "
                    + "with rubric (an author's draft: at most 20 criteria, 100 points, 1,000 characters per text, "
                    + "30 concept groups of 20 terms per point) against that one, rubricVersion 0, with the question's "
                    + "text from prompt or the published question (question may be left out for a question not "
                    + "published yet). Returned as the score document of answers.scored.v1.")
    @APIResponse(responseCode = "200", description = "The score with evidence and feedback per criterion",
            content = @Content(schema = @Schema(implementation = ScorePreview.class),
                    examples = @ExampleObject(name = "score", value = PreviewExamples.SCORE)))
    @APIResponse(responseCode = "400", description = "body missing, blank or too long, question missing without rubric, "
            + "part below 1, a rubric or prompt over its bounds or without criteria, points or texts, each field named "
            + "(invalid-request), or a body that is not JSON or a field of the wrong type (invalid-json)")
    @APIResponse(responseCode = "422", description = "No such question or part, or no rubric (unknown-question); an "
            + "answer the scorer cannot read (unscorable-answer)")
    @APIResponse(responseCode = "429", description = "Over the score previews rate limit of this user (too-many-requests; "
            + "Retry-After and RateLimit-* headers)")
    @APIResponse(responseCode = "503", description = "The catalogue is not loaded yet (catalogue-unavailable)")
    public ScorePreview score(@RequestBody(content = @Content(schema = @Schema(implementation = ScorePreviewRequest.class),
            examples = {
                    @ExampleObject(name = "published rubric", value = PreviewExamples.PUBLISHED_REQUEST),
                    @ExampleObject(name = "draft rubric", value = PreviewExamples.DRAFT_REQUEST)}))
                              JsonNode json) throws JsonProcessingException {
        limits.require(PREVIEWS, identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName());
        // bound here rather than by the framework so that a wrong type is reported with its field name
        ScorePreviewRequest request = json == null || json.isNull() ? null
                : mapper.treeToValue(json, ScorePreviewRequest.class);
        validate(request);
        return service.preview(request.question() == null ? null : request.question().strip(), request.part(),
                request.body(), request.rubric(), request.prompt());
    }

    private void validate(ScorePreviewRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.INVALID_JSON, "a JSON document is required",
                    List.of(new FieldError("$", "a JSON object is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.question() == null || request.question().isBlank()) {
            if (request.rubric() == null) {
                errors.add(new FieldError("question", "the question's slug or id is required without a rubric"));
            } else if (request.question() != null) {
                errors.add(new FieldError("question", "must not be blank (leave it out for a question not published)"));
            }
        }
        if (request.rubric() != null) {
            errors.addAll(DraftRubricRules.check(request.rubric(), config.preview()));
        }
        if (request.prompt() != null && request.rubric() == null) {
            errors.add(new FieldError("prompt", "is only read with an inline rubric"));
        } else if (request.prompt() != null && request.prompt().length() > config.preview().maxPromptChars()) {
            errors.add(new FieldError("prompt", "must be at most " + config.preview().maxPromptChars() + " characters"));
        }
        if (request.part() != null && request.part() < 1) {
            errors.add(new FieldError("part", "must be 1 or more, or null"));
        }
        int max = config.preview().maxBodyChars();
        if (request.body() == null || request.body().isBlank()) {
            errors.add(new FieldError("body", "the answer's markdown is required"));
        } else if (request.body().length() > max) {
            errors.add(new FieldError("body", "must be at most " + max + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
