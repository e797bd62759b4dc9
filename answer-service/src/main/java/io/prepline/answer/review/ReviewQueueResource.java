package io.prepline.answer.review;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reviews")
@RolesAllowed({"reviewer", "admin"})
@Tag(name = "Reviews", description = "The reviewers' queue")
@SecurityRequirement(name = "SecurityScheme")
public class ReviewQueueResource {

    public record QueuePage(List<Object> items, String nextCursor) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answers waiting for a reviewer, oldest first")
    public QueuePage queue() {
        // Scored answers do not exist yet: the queue fills once submissions and scoring are in place.
        return new QueuePage(List.of(), null);
    }
}
