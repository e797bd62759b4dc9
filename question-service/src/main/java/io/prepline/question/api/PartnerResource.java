package io.prepline.question.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.prepline.platform.problem.JsonBodies;
import io.prepline.platform.problem.Problem;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.catalogue.Caller;
import io.prepline.question.partners.PartnerGate;
import io.prepline.question.partners.PartnerModels.IssuedKey;
import io.prepline.question.partners.PartnerModels.KeyRequest;
import io.prepline.question.partners.PartnerModels.KeySummary;
import io.prepline.question.partners.PartnerModels.Partner;
import io.prepline.question.partners.PartnerModels.PartnerRequest;
import io.prepline.question.partners.PartnerModels.RotateRequest;
import io.prepline.question.partners.PartnerModels.UsageReport;
import io.prepline.question.partners.PartnerService;
import io.prepline.question.partners.ValidKey;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partners and their API keys (admins), and each partner's usage (admins, or the partner with a secret key). */
@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner platforms, their API keys and usage")
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = PartnerResource.SECRET_KEY, type = SecuritySchemeType.APIKEY,
                in = SecuritySchemeIn.HEADER, apiKeyName = PartnerGate.KEY_HEADER,
                description = "A partner's secret key (sk_...), server to server only. Reads the catalogue, never writes."),
        @SecurityScheme(securitySchemeName = PartnerResource.PUBLISHABLE_KEY, type = SecuritySchemeType.APIKEY,
                in = SecuritySchemeIn.QUERY, apiKeyName = PartnerGate.KEY_PARAM,
                description = "A partner's publishable key (pk_...): accepted from the partner's allowed origins "
                        + "(Origin header) and in embeds framed by them. May also be sent as X-Api-Key.")})
public class PartnerResource {

    static final String SECRET_KEY = "SecretKey";
    static final String PUBLISHABLE_KEY = "PublishableKey";
    static final String BEARER = "SecurityScheme";

    @Inject
    PartnerService partners;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonBodies bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = BEARER, scopes = {"admin"})
    @Operation(operationId = "createPartner", summary = "Create a partner",
            description = "The plan names its rate limit; the allowed origins are where its publishable keys work and "
                    + "which pages may frame its embeds (CORS and frame-ancestors).")
    @APIResponse(responseCode = "201", description = "Created; Location names the partner",
            content = @Content(schema = @Schema(implementation = Partner.class),
                    examples = @ExampleObject(name = "partner", value = PartnerExamples.PARTNER)))
    @APIResponse(responseCode = "400", description = "Invalid name, plan or origin, each named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@RequestBody(required = true, content = @Content(schema = @Schema(implementation = PartnerRequest.class),
            examples = @ExampleObject(name = "partner", value = PartnerExamples.PARTNER_REQUEST))) String body) {
        Partner partner = partners.create(bodies.read(body, PartnerRequest.class));
        return Response.created(URI.create("/api/v1/partners/" + partner.id())).entity(partner).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed("admin")
    @SecurityRequirement(name = BEARER, scopes = {"admin"})
    @Operation(operationId = "getPartner", summary = "Read a partner",
            description = "The partner's name, allowed origins and plan, for admins.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Partner.class),
            examples = @ExampleObject(name = "partner", value = PartnerExamples.PARTNER)))
    @APIResponse(responseCode = "404", description = "No such partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Partner get(@Parameter(description = "Partner id", example = PartnerExamples.PARTNER_ID) @PathParam("id") String id) {
        return partners.get(partnerId(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = BEARER, scopes = {"admin"})
    @Operation(operationId = "updatePartner", summary = "Replace a partner's name, origins and plan",
            description = "Takes effect on every instance within seconds: CORS, frame-ancestors and rate limits.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Partner.class),
            examples = @ExampleObject(name = "partner", value = PartnerExamples.PARTNER)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner (not-found)")
    public Partner update(@Parameter(description = "Partner id", example = PartnerExamples.PARTNER_ID) @PathParam("id") String id,
                          @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PartnerRequest.class),
                                  examples = @ExampleObject(name = "partner", value = PartnerExamples.PARTNER_REQUEST)))
                          String body) {
        return partners.update(partnerId(id), bodies.read(body, PartnerRequest.class));
    }

    @POST
    @Path("{id}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = BEARER, scopes = {"admin"})
    @Operation(operationId = "issuePartnerKey", summary = "Issue a secret or publishable key",
            description = "The answer holds the whole key: the only time it is shown. Only its SHA-256 is stored.")
    @APIResponse(responseCode = "201", description = "The key, shown once",
            content = @Content(schema = @Schema(implementation = IssuedKey.class),
                    examples = @ExampleObject(name = "publishable", value = PartnerExamples.ISSUED_KEY)))
    @APIResponse(responseCode = "404", description = "No such partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@Parameter(description = "Partner id", example = PartnerExamples.PARTNER_ID) @PathParam("id") String id,
                          @RequestBody(required = true, content = @Content(schema = @Schema(implementation = KeyRequest.class),
                                  examples = @ExampleObject(name = "publishable", value = PartnerExamples.KEY_REQUEST)))
                          String body) {
        KeyRequest request = bodies.read(body, KeyRequest.class);
        if (request.kind() == null) {
            throw ProblemException.invalid("kind", "must be SECRET or PUBLISHABLE");
        }
        return Response.status(201).entity(partners.issue(partnerId(id), request.kind()))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}/keys")
    @RolesAllowed("admin")
    @SecurityRequirement(name = BEARER, scopes = {"admin"})
    @Operation(operationId = "listPartnerKeys", summary = "A partner's keys: ids and states, never secrets",
            description = "Every key of the partner with its kind, visible id, state and expiry; a secret is shown "
                    + "once, when its key is issued.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KeySummary.class, type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "keys", value = PartnerExamples.KEYS)))
    @APIResponse(responseCode = "404", description = "No such partner (not-found)")
    public List<KeySummary> keys(@Parameter(description = "Partner id", example = PartnerExamples.PARTNER_ID) @PathParam("id") String id) {
        return partners.keys(partnerId(id));
    }

    @POST
    @Path("{id}/keys/{keyId}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = BEARER, scopes = {"admin"})
    @Operation(operationId = "rotatePartnerKey", summary = "Rotate a key with an overlap",
            description = "Issues a new key of the same kind; the old one keeps working for overlapHours (default 24), "
                    + "then expires.")
    @APIResponse(responseCode = "201", description = "The new key, shown once",
            content = @Content(schema = @Schema(implementation = IssuedKey.class),
                    examples = @ExampleObject(name = "rotated", value = PartnerExamples.ROTATED_KEY)))
    @APIResponse(responseCode = "409", description = "The key is revoked, expired or already rotated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such key of this partner (not-found)")
    public Response rotate(@Parameter(description = "Partner id", example = PartnerExamples.PARTNER_ID) @PathParam("id") String id,
                           @Parameter(description = "Id of the key to replace", example = PartnerExamples.KEY_ID)
                           @PathParam("keyId") String keyId,
                           @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RotateRequest.class),
                                   examples = @ExampleObject(name = "a day", value = PartnerExamples.ROTATE_REQUEST)))
                           String body) {
        RotateRequest request = bodies.read(body, RotateRequest.class);
        Integer hours = request.overlapHours();
        if (hours != null && (hours < 0 || hours > 720)) {
            throw ProblemException.invalid("overlapHours", "must be between 0 and 720");
        }
        return Response.status(201).entity(partners.rotate(partnerId(id), keyId, hours))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{id}/keys/{keyId}")
    @RolesAllowed("admin")
    @SecurityRequirement(name = BEARER, scopes = {"admin"})
    @Operation(operationId = "revokePartnerKey", summary = "Revoke a key",
            description = "Refused on every instance within seconds. Revoking a revoked key changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key of this partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@Parameter(description = "Partner id", example = PartnerExamples.PARTNER_ID) @PathParam("id") String id,
                           @Parameter(description = "Key id", example = PartnerExamples.KEY_ID) @PathParam("keyId") String keyId) {
        partners.revoke(partnerId(id), keyId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/usage")
    @SecurityRequirement(name = BEARER)
    @SecurityRequirement(name = SECRET_KEY)
    @Operation(operationId = "getPartnerUsage", summary = "Requests per key and day",
            description = "For admins, and for the partner itself with one of its secret keys. Counted on every instance "
                    + "and written every few seconds; refused: requests over the plan's rate limit.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UsageReport.class),
            examples = @ExampleObject(name = "usage", value = PartnerExamples.USAGE)))
    @APIResponse(responseCode = "401", description = "Neither a token nor a secret key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another partner's key, or a token without the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner (not-found)")
    public UsageReport usage(@Parameter(description = "Partner id", example = PartnerExamples.PARTNER_ID) @PathParam("id") String id,
                             @Parameter(description = "First day (UTC), default 29 days before to", example = "2026-11-01")
                             @QueryParam("from") String from,
                             @Parameter(description = "Last day (UTC), default today", example = "2026-12-01")
                             @QueryParam("to") String to,
                             @Context RoutingContext rc) {
        UUID partner = partnerId(id);
        requireAdminOrOwnSecretKey(partner, PartnerGate.key(rc));
        return partners.usage(partner, day("from", from), day("to", to));
    }

    private void requireAdminOrOwnSecretKey(UUID partner, ValidKey key) {
        if (key != null && key.secret() && key.partnerId().equals(partner)) {
            return;
        }
        Caller caller = Caller.of(identity);
        if (caller.admin()) {
            return;
        }
        if (caller.anonymous() && key == null) {
            throw new UnauthorizedException();
        }
        throw new ForbiddenException();
    }

    private static UUID partnerId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no partner " + id);
        }
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a day, YYYY-MM-DD");
        }
    }
}
