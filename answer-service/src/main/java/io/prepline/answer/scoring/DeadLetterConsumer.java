package io.prepline.answer.scoring;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prepline.platform.messaging.EventJson;
import io.prepline.platform.messaging.Retry;
import io.prepline.answer.submission.SubmissionService;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Submissions the review-worker could not score ({@code answers.submitted.v1.dlq}) go to a reviewer with the reason,
 * so no answer stays SUBMITTED. Malformed records are logged and skipped; redeliveries change nothing.
 */
@ApplicationScoped
public class DeadLetterConsumer {

    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class);

    @Inject
    DeadLetters deadLetters;

    @Incoming("dead-letters")
    @Blocking
    public void onDeadLetter(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        DeadLetter letter;
        try {
            letter = EventJson.read(record.value(), DeadLetter.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("malformed dead letter at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            return;
        }
        UUID answerId = SubmissionService.parseId(letter.answerId(record.key()));
        if (!letter.valid() || answerId == null) {
            LOG.warnf("incomplete dead letter at %s-%d@%d skipped", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        DeadLetters.Result result = Retry.run("handling the dead letter of " + answerId,
                () -> deadLetters.apply(answerId, letter));
        if (result == DeadLetters.Result.UNKNOWN_ANSWER) {
            LOG.warnf("dead letter for unknown answer %s skipped", answerId);
        }
    }
}
