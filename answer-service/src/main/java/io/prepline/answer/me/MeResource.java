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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Authenticated
@Tag(name = "Me", description = "The signed-in user")
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
    @Operation(operationId = "getMe", summary = "The signed-in user: id (the token's sub) and roles",
            description = "Who the services take the caller to be: the token's sub as the user id and its groups as "
                    + "roles.")
    @APIResponse(responseCode = "200", description = "Who the caller is", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Me.class),
            examples = @ExampleObject(name = "me", value = Examples.ME)))
    @APIResponse(responseCode = "401", description = "No valid bearer token (unauthorized)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "unauthorized", value = Examples.PROBLEM_UNAUTHORIZED)))
    public Me me() {
        return new Me(token.getSubject(), token.getGroups());
    }

    @GET
    @Path("progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyProgress", summary = "XP, streak, solved questions, strengths and XP per day",
            description = "XP: 20 for the first approved answer of each UTC day, withdrawn when that approval is "
                    + "overturned. streakDays: consecutive UTC days with an award, ending today (or yesterday "
                    + "while today has none yet). strengths: per criterion kind, the average score (0-4, overrides "
                    + "applied) over the latest scored revision of each answered question part.")
    @APIResponse(responseCode = "200", description = "Progress with XP history per day", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgressModels.Progress.class),
            examples = @ExampleObject(name = "progress", value = Examples.PROGRESS)))
    public ProgressModels.Progress progress() {
        return progress.progress(token.getSubject());
    }

    @GET
    @Path("answers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyAnswers", summary = "The latest revision of each question part answered",
            description = "With its status and the summary of its feedback: overall, verdict, confidence, score per "
                    + "criterion. The 500 most recent.")
    @APIResponse(responseCode = "200", description = "Latest revisions with their feedback summary", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgressModels.MyAnswers.class),
            examples = @ExampleObject(name = "my-answers", value = Examples.MY_ANSWERS)))
    public ProgressModels.MyAnswers answers() {
        return progress.answers(token.getSubject());
    }
}
