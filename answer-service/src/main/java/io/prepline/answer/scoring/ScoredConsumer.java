package io.prepline.answer.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.prepline.answer.AnswerConfig;
import io.prepline.platform.consumer.Consumption;
import io.prepline.platform.consumer.RejectedRecord;
import io.prepline.platform.messaging.EventJson;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Machine scores from the review-worker ({@code answers.scored.v1}); redeliveries are harmless. A score that is not
 * valid, not from the review-worker, or for an answer this service does not have goes to the dead-letter topic.
 */
@ApplicationScoped
public class ScoredConsumer {

    static final String CHANNEL = "scored";

    @Inject
    ScoringService scoring;
    @Inject
    Consumption consumption;
    @Inject
    AnswerConfig config;

    @Incoming(CHANNEL)
    @Blocking
    public void onScored(ConsumerRecord<String, String> record) {
        consumption.apply(CHANNEL, record, config.sources().reviewWorker(), ScoredConsumer::read,
                event -> store(event, record.value()));
    }

    static ScoredEvent read(ConsumerRecord<String, String> record) {
        ScoredEvent event = EventJson.readEvent(record.value(), ScoredEvent.class);
        if (!event.answerId().toString().equals(record.key())) {
            throw new RejectedRecord(RejectedRecord.Reason.INVALID, "the record key is not the answerId");
        }
        return event;
    }

    private void store(ScoredEvent event, String document) {
        switch (scoring.apply(event, document)) {
            case UNKNOWN_ANSWER -> throw new RejectedRecord(RejectedRecord.Reason.UNKNOWN_REFERENCE,
                    "answer " + event.answerId() + " does not exist");
            case OTHER_QUESTION -> throw new RejectedRecord(RejectedRecord.Reason.INVALID,
                    "answer " + event.answerId() + " is not an answer to question " + event.questionId()
                            + " part " + event.part());
            case APPLIED, IGNORED -> {
            }
        }
    }
}
