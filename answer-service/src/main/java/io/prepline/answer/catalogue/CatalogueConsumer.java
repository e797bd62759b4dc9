package io.prepline.answer.catalogue;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.prepline.answer.AnswerConfig;
import io.prepline.platform.consumer.Consumption;
import io.prepline.platform.consumer.EventChecks;
import io.prepline.platform.consumer.RejectedRecord;
import io.prepline.platform.messaging.EventJson;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local catalogue in step with {@code catalogue.questions.v1}: snapshots upsert, tombstones delete. A record
 * that is not a valid snapshot of the question its key names, or not from question-service, goes to the dead-letter
 * topic.
 */
@ApplicationScoped
public class CatalogueConsumer {

    static final String CHANNEL = "catalogue";

    @Inject
    CatalogueStore store;
    @Inject
    Consumption consumption;
    @Inject
    AnswerConfig config;

    /** A snapshot to store, or (snapshot null) a tombstone deleting the question. */
    record Change(UUID questionId, QuestionSnapshot snapshot) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onQuestion(ConsumerRecord<String, String> record) {
        consumption.apply(CHANNEL, record, config.sources().questionService(), CatalogueConsumer::read, this::apply);
    }

    static Change read(ConsumerRecord<String, String> record) {
        UUID key = CatalogueStore.asUuid(record.key());
        if (key == null) {
            throw new RejectedRecord(RejectedRecord.Reason.INVALID, record.key() == null ? "no record key"
                    : "the record key " + EventChecks.shown(record.key()) + " is not a question id");
        }
        if (record.value() == null) {
            return new Change(key, null);
        }
        QuestionSnapshot snapshot = EventJson.readEvent(record.value(), QuestionSnapshot.class);
        if (!key.equals(snapshot.id())) {
            throw new RejectedRecord(RejectedRecord.Reason.INVALID, "the record key is not the snapshot's id");
        }
        return new Change(key, snapshot);
    }

    private void apply(Change change) {
        if (change.snapshot() == null) {
            store.delete(change.questionId());
        } else {
            store.upsert(change.snapshot());
        }
    }
}
