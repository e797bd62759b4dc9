package io.prepline.answer.me;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.prepline.answer.api.Examples;
import io.prepline.answer.progress.ProgressModels;
import io.prepline.answer.progress.ProgressService;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Authenticated
@Tag(name = "Me", description = "The signed-in user")
@SecurityRequirement(name = "SecurityScheme")
public class MeResource {

    /** Who the caller is, as the services see it. */
    public record Me(String user, Set<String> roles) {
    }

    @Inject
    JsonWebToken token;

    @Inject
    ProgressService progress;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user: id (the token's sub) and roles")
    @APIResponse(responseCode = "200", description = "Who the caller is", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Me.class),
            examples = @ExampleObject(name = "me", value = Examples.ME)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "unauthorized", value = Examples.PROBLEM_UNAUTHORIZED)))
    public Me me() {
        return new Me(token.getSubject(), token.getGroups());
    }

    @GET
    @Path("progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "XP (20 for the first approved answer of each UTC day, withdrawn when that approval is "
            + "overturned), streak, solved questions, strengths, XP per day")
    @APIResponse(responseCode = "200", description = "Progress with XP history per day", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgressModels.Progress.class),
            examples = @ExampleObject(name = "progress", value = Examples.PROGRESS)))
    public ProgressModels.Progress progress() {
        return progress.progress(token.getSubject());
    }

    @GET
    @Path("answers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest revision of each question part answered, with its status and the summary of its "
            + "feedback: overall, verdict, confidence, score per criterion (500 most recent)")
    @APIResponse(responseCode = "200", description = "Latest revisions with their feedback summary", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgressModels.MyAnswers.class),
            examples = @ExampleObject(name = "my-answers", value = Examples.MY_ANSWERS)))
    public ProgressModels.MyAnswers answers() {
        return progress.answers(token.getSubject());
    }
}
