package io.prepline.answer.me;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user: id (the token's sub) and roles")
    public Me me() {
        return new Me(token.getSubject(), token.getGroups());
    }
}
