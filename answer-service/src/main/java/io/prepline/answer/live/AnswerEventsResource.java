package io.prepline.answer.live;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.prepline.answer.api.Examples;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.messaging.EventJson;
import io.prepline.answer.submission.AnswerView;
import io.prepline.answer.submission.SubmissionService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/answers/{id}/events")
@Tag(name = "Answers", description = "Submitting answers and following them")
public class AnswerEventsResource {

    @Inject
    SubmissionService submissions;

    @Inject
    StatusFeed feed;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    LiveEvents live;

    @GET
    @Authenticated
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "followAnswerEvents",
            summary = "Server-sent events: SUBMITTED, SCORED, NEEDS_REVIEW and the decision, as they happen",
            description = "Event name = status, data = {id, status, overall, actor, at, feedback}, id = position (send "
                    + "it back as Last-Event-ID to resume). SCORED, NEEDS_REVIEW and decision events carry the answer's "
                    + "feedback as it is when the event is sent; the owner sees reviewers as the role 'reviewer'. The "
                    + "stream ends after APPROVED or REJECTED, or after 10 minutes. A user may hold 5 streams open per "
                    + "instance (answer.live.max-streams-per-user), an instance 500 in all (answer.live.max-streams); "
                    + "beyond that 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "The event stream; each event's data", content = @Content(mediaType = "text/event-stream",
            examples = @ExampleObject(name = "scored-event", value = Examples.LIVE_EVENT)))
    @APIResponse(responseCode = "400",
            description = "Last-Event-ID is not an event id of this stream (invalid-request)")
    @APIResponse(responseCode = "404", description = "Not found, or another candidate's answer (not-found)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not-found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "429", description = "Too many open streams, the caller's or this instance's; "
            + "Retry-After says when to try again", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "too-many-streams", value = Examples.PROBLEM_TOO_MANY_STREAMS)))
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @Context Sse sse) {
        boolean reviewer = identity.hasRole("reviewer") || identity.hasRole("admin");
        String caller = token.getSubject();
        AnswerView answer = submissions.find(id, caller, reviewer)
                .orElseThrow(() -> ProblemException.notFound("answer " + id + " does not exist"));
        long after;
        try {
            after = lastEventId == null || lastEventId.isBlank() ? 0 : Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Last-Event-ID", "must be an event id this stream sent");
        }
        boolean asOwner = answer.userId().equals(caller);
        return feed.follow(caller, answer.id(), after, event -> live.of(answer.id(), answer.userId(), event, asOwner))
                .map(event -> sse.newEventBuilder()
                        .id(Long.toString(event.id()))
                        .name(event.status())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(EventJson.write(event))
                        .build());
    }
}
