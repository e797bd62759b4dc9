package io.prepline.question.api;

import java.net.URI;

import io.prepline.platform.problem.JsonBodies;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Caller;
import io.prepline.question.tracks.ProgressService;
import io.prepline.question.tracks.TrackModels;
import io.prepline.question.tracks.TrackService;
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

/** Learning tracks: anyone reads them, authors write them, a signed-in candidate reads their progress. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hubs and tracks", description = "Browse the catalogue by company, role, category or topic; learning tracks")
public class TrackResource {

    private static final String ETAG_EXAMPLE = "\"v2.Hn4c0xJ2bq1Zt8VwQe5sLm3Ka7pYd9Rf6Ug0Ti1\"";

    @Inject
    TrackService tracks;
    @Inject
    ProgressService progress;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonBodies bodies;
    @Inject
    QuestionConfig config;

    @GET
    @Path("tracks")
    @Operation(operationId = "listTracks", summary = "Learning tracks",
            description = "Every active learning track with its slug, title, description and numbers of questions and "
                    + "items (anonymous callers allowed; Cache-Control public).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrackModels.TrackList.class),
            examples = @ExampleObject(name = "tracks", value = AuthoringExamples.TRACKS)))
    public Response trackList() {
        return Response.ok(tracks.tracks()).header("Cache-Control", publicCacheControl()).build();
    }

    @GET
    @Path("tracks/{slug}")
    @Operation(operationId = "getTrack", summary = "A learning track with its items in order",
            description = "The track, its items (questions or parts of questions) in the order to work through them, "
                    + "and its questions; a retired track is still readable by slug (anonymous callers allowed; "
                    + "Cache-Control public; ETag for If-Match of a change).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrackModels.Track.class),
            examples = @ExampleObject(name = "track", value = AuthoringExamples.TRACK)))
    @APIResponse(responseCode = "404", description = "No such track (not-found)")
    public Response track(@Parameter(description = "Track slug", example = AuthoringExamples.TRACK_SLUG)
                          @PathParam("slug") String slug) {
        TrackModels.Track track = tracks.track(slug);
        return Response.ok(track).header("ETag", tracks.etag(track)).header("Cache-Control", publicCacheControl()).build();
    }

    @POST
    @Path("tracks")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "createTrack", summary = "Create a learning track",
            description = "Items are active questions, or parts of them, by slug and part number; their order is the "
                    + "order of the track.")
    @APIResponse(responseCode = "201", description = "Created; Location names the track, ETag its version",
            content = @Content(schema = @Schema(implementation = TrackModels.Track.class),
                    examples = @ExampleObject(name = "track", value = AuthoringExamples.TRACK)))
    @APIResponse(responseCode = "400", description = "Invalid fields, a slug already used, an unknown question or part, "
            + "an item twice or too many items, each named in errors (invalid-request); a body that is not JSON of this "
            + "shape (invalid-json, unknown-field)")
    public Response create(@RequestBody(required = true, description = "The track",
            content = @Content(schema = @Schema(implementation = TrackModels.TrackRequest.class),
                    examples = @ExampleObject(name = "track", value = AuthoringExamples.TRACK_REQUEST))) String body) {
        TrackModels.Track track = tracks.create(bodies.read(body, TrackModels.TrackRequest.class),
                Caller.of(identity).userId());
        return Response.created(location(track)).entity(track).header("ETag", tracks.etag(track)).build();
    }

    @PUT
    @Path("tracks/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "replaceTrack", summary = "Replace a track: its title, description, items and their order",
            description = "Needs If-Match with the track's ETag (428 without, 412 when another change came first). The "
                    + "items given replace the old ones; positions follow their order. The slug may change.")
    @APIResponse(responseCode = "200", description = "The track as it is now",
            content = @Content(schema = @Schema(implementation = TrackModels.Track.class),
                    examples = @ExampleObject(name = "track", value = AuthoringExamples.TRACK)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors (invalid-request); a body "
            + "that is not JSON of this shape (invalid-json, unknown-field)")
    @APIResponse(responseCode = "404", description = "No such track (not-found)")
    @APIResponse(responseCode = "412", description = "The track changed since it was read (precondition-failed)")
    @APIResponse(responseCode = "428", description = "If-Match is missing (precondition-required)")
    public Response replace(
            @Parameter(description = "Track slug", example = AuthoringExamples.TRACK_SLUG) @PathParam("slug") String slug,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the track being edited", required = true,
                    example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = true, description = "The whole track",
                    content = @Content(schema = @Schema(implementation = TrackModels.TrackRequest.class),
                            examples = @ExampleObject(name = "track", value = AuthoringExamples.TRACK_REQUEST))) String body) {
        TrackModels.Track track = tracks.replace(slug, ifMatch, bodies.read(body, TrackModels.TrackRequest.class));
        return Response.ok(track).header("ETag", tracks.etag(track))
                .header("Content-Location", location(track).toString()).build();
    }

    @DELETE
    @Path("tracks/{slug}")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "retireTrack", summary = "Retire a track",
            description = "Needs If-Match. Hidden from the list of tracks and from progress lists, still readable by "
                    + "slug.")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such track (not-found)")
    @APIResponse(responseCode = "412", description = "The track changed since it was read (precondition-failed)")
    @APIResponse(responseCode = "428", description = "If-Match is missing (precondition-required)")
    public Response retire(
            @Parameter(description = "Track slug", example = AuthoringExamples.TRACK_SLUG) @PathParam("slug") String slug,
            @Parameter(in = ParameterIn.HEADER, description = "ETag of the track", required = true,
                    example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        tracks.retire(slug, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("tracks/{slug}/progress")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "getTrackProgress", summary = "The caller's progress through a track",
            description = "Items solved of the total, the next item to work on, and the state of every item, from the "
                    + "caller's approved answers (an item naming a part needs an approved answer to that part). "
                    + "Signed in; never cached by shared caches.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrackModels.Progress.class),
            examples = @ExampleObject(name = "progress", value = AuthoringExamples.PROGRESS)))
    @APIResponse(responseCode = "404", description = "No such track (not-found)")
    public Response trackProgress(@Parameter(description = "Track slug", example = AuthoringExamples.TRACK_SLUG)
                                  @PathParam("slug") String slug) {
        return personal(progress.progress(slug, Caller.of(identity).userId()));
    }

    @GET
    @Path("me/tracks")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "listMyTrackProgress", summary = "The caller's progress through every track",
            description = "For each active track: items solved of the total and the next item. Signed in; never cached "
                    + "by shared caches.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrackModels.ProgressList.class),
            examples = @ExampleObject(name = "progress", value = AuthoringExamples.PROGRESS_LIST)))
    public Response myProgress() {
        return personal(progress.progressAll(Caller.of(identity).userId()));
    }

    private static Response personal(Object body) {
        return Response.ok(body).header("Cache-Control", "private, no-store").build();
    }

    private String publicCacheControl() {
        return "public, max-age=" + config.api().publicMaxAge().toSeconds();
    }

    private static URI location(TrackModels.Track track) {
        return URI.create("/api/v1/tracks/" + track.slug());
    }
}
