package io.prepline.answer.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prepline.platform.messaging.EventJson;
import io.prepline.platform.messaging.Retry;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Machine scores from the review-worker ({@code answers.scored.v1}); redeliveries are harmless. */
@ApplicationScoped
public class ScoredConsumer {

    private static final Logger LOG = Logger.getLogger(ScoredConsumer.class);

    @Inject
    ScoringService scoring;

    @Incoming("scored")
    @Blocking
    public void onScored(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        ScoredEvent event;
        try {
            event = EventJson.read(record.value(), ScoredEvent.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("malformed score at %s-%d@%d skipped: %s", record.topic(), record.partition(), record.offset(),
                    e.getOriginalMessage());
            return;
        }
        if (!event.complete()) {
            LOG.warnf("incomplete score at %s-%d@%d skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        ScoringService.Result result = Retry.run("storing the score of " + event.answerId(),
                () -> scoring.apply(event, record.value()));
        if (result == ScoringService.Result.UNKNOWN_ANSWER) {
            LOG.warnf("score for unknown answer %s skipped", event.answerId());
        }
    }
}
