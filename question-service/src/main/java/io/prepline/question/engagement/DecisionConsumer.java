package io.prepline.question.engagement;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.prepline.platform.consumer.Consumption;
import io.prepline.platform.consumer.RejectedRecord;
import io.prepline.platform.messaging.EventJson;
import io.prepline.question.QuestionConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code answers.decided.v1}. Redeliveries are harmless (decisions are applied once per answer id). A record
 * that is not a valid decision, not from answer-service, or about a question this service does not have goes to the
 * dead-letter topic and the consumer goes on; database failures are retried.
 */
@ApplicationScoped
public class DecisionConsumer {

    static final String CHANNEL = "decided";

    @Inject
    EngagementService engagement;
    @Inject
    Consumption consumption;
    @Inject
    QuestionConfig config;
    @Inject
    Tracer tracer;

    @Incoming(CHANNEL)
    @Blocking
    public void onDecision(ConsumerRecord<String, String> record) {
        consumption.apply(CHANNEL, record, config.sources().answerService(), DecisionConsumer::read, this::apply);
    }

    static AnswerDecided read(ConsumerRecord<String, String> record) {
        AnswerDecided decision = EventJson.readEvent(record.value(), AnswerDecided.class);
        if (!decision.answerId().toString().equals(record.key())) {
            throw new RejectedRecord(RejectedRecord.Reason.INVALID, "the record key is not the answerId");
        }
        return decision;
    }

    private void apply(AnswerDecided decision) {
        Span span = tracer.spanBuilder("solved count").startSpan();
        try (Scope scope = span.makeCurrent()) {
            if (!engagement.decided(decision)) {
                throw new RejectedRecord(RejectedRecord.Reason.UNKNOWN_REFERENCE,
                        "question " + decision.questionId() + " does not exist");
            }
        } finally {
            span.end();
        }
    }
}
