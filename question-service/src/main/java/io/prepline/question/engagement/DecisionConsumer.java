package io.prepline.question.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code answers.decided.v1}. Redeliveries are harmless (decisions are applied once per answer id); a record
 * that is not a decision is logged and skipped; a database failure stops the channel so the record is read again.
 */
@ApplicationScoped
public class DecisionConsumer {

    private static final Logger LOG = Logger.getLogger(DecisionConsumer.class);

    @Inject
    EngagementService engagement;

    private final ObjectReader reader;

    @Inject
    public DecisionConsumer(ObjectMapper json) {
        this.reader = json.readerFor(AnswerDecided.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("decided")
    @Blocking
    public void onDecision(String value) {
        AnswerDecided decision;
        try {
            decision = value == null ? null : reader.readValue(value);
        } catch (JsonProcessingException e) {
            LOG.warnf("skipping a record of answers.decided.v1 that is not JSON: %s", e.getOriginalMessage());
            return;
        }
        if (decision == null || !decision.complete()) {
            LOG.warnf("skipping a record of answers.decided.v1 without answerId, userId, questionId or decision");
            return;
        }
        engagement.decided(decision);
    }
}
