package io.prepline.answer.me;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.prepline.answer.progress.ProgressModels;
import io.prepline.answer.progress.ProgressService;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public Me me() {
        return new Me(token.getSubject(), token.getGroups());
    }

    @GET
    @Path("progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "XP (20 for the first approved answer of each UTC day), streak, solved questions, strengths")
    public ProgressModels.Progress progress() {
        return progress.progress(token.getSubject());
    }

    @GET
    @Path("answers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest revision of each question part answered, with its status and score (500 most recent)")
    public ProgressModels.MyAnswers answers() {
        return progress.answers(token.getSubject());
    }
}
