package io.prepline.answer.live;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prepline.answer.feedback.FeedbackModels;
import io.prepline.answer.feedback.FeedbackModels.Feedback;
import io.prepline.answer.submission.SubmissionService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The data of one server-sent event: the status change, and the feedback once the answer has a score. */
@ApplicationScoped
public class LiveEvents {

    /** Events after which the feedback is sent along. */
    static final Set<String> WITH_FEEDBACK = Set.of("SCORED", "NEEDS_REVIEW", "APPROVED", "REJECTED");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LiveEvent(long id, String status, Integer overall, String actor, Instant at, Feedback feedback) {
    }

    @Inject
    SubmissionService submissions;

    /** Runs on the stream's reading thread: the feedback is read in a short transaction of its own. */
    LiveEvent of(UUID answerId, String ownerId, StatusFeed.StatusEvent event, boolean asOwner) {
        Feedback current = WITH_FEEDBACK.contains(event.status())
                ? QuarkusTransaction.requiringNew().call(() -> submissions.feedback(answerId).orElse(null))
                : null;
        String actor = asOwner ? actorForOwner(event.actor(), ownerId) : event.actor();
        return new LiveEvent(event.id(), event.status(), event.overall(), actor, event.at(), current);
    }

    /** The owner sees themselves as the candidate, machines by name and any human reviewer as the role. */
    static String actorForOwner(String actor, String ownerId) {
        if (actor == null || actor.equals(ownerId)) {
            return "candidate";
        }
        if (StatusHistory.isSystem(actor)) {
            return actor;
        }
        return FeedbackModels.REVIEWER_ROLE;
    }
}
