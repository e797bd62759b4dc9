package io.prepline.answer.scoring;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.prepline.answer.AnswerConfig;
import io.prepline.answer.submission.SubmissionService;
import io.prepline.platform.consumer.Consumption;
import io.prepline.platform.consumer.EventChecks;
import io.prepline.platform.consumer.RejectedRecord;
import io.prepline.platform.messaging.EventJson;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Submissions the review-worker could not score ({@code answers.submitted.v1.dlq}) go to a reviewer with the reason,
 * so no answer stays SUBMITTED; redeliveries change nothing. Records that are not valid dead letters, not from the
 * review-worker, or for an answer this service does not have go to this service's own dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterConsumer {

    static final String CHANNEL = "dead-letters";

    @Inject
    DeadLetters deadLetters;
    @Inject
    Consumption consumption;
    @Inject
    AnswerConfig config;

    record Letter(UUID answerId, DeadLetter letter) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onDeadLetter(ConsumerRecord<String, String> record) {
        consumption.apply(CHANNEL, record, config.sources().reviewWorker(), DeadLetterConsumer::read, this::apply);
    }

    static Letter read(ConsumerRecord<String, String> record) {
        DeadLetter letter = EventJson.readEvent(record.value(), DeadLetter.class);
        String answerId = letter.answerId(record.key());
        UUID id = SubmissionService.parseId(answerId);
        if (id == null) {
            throw new RejectedRecord(RejectedRecord.Reason.INVALID, answerId == null ? "no answer id"
                    : "answer id " + EventChecks.shown(answerId) + " is not an id");
        }
        return new Letter(id, letter);
    }

    private void apply(Letter letter) {
        if (deadLetters.apply(letter.answerId(), letter.letter()) == DeadLetters.Result.UNKNOWN_ANSWER) {
            throw new RejectedRecord(RejectedRecord.Reason.UNKNOWN_REFERENCE,
                    "answer " + letter.answerId() + " does not exist");
        }
    }
}
