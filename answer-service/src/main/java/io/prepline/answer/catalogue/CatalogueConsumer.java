package io.prepline.answer.catalogue;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prepline.platform.messaging.EventJson;
import io.prepline.platform.messaging.Retry;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps the local catalogue in step with {@code catalogue.questions.v1}: snapshots upsert, tombstones delete. */
@ApplicationScoped
public class CatalogueConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogueConsumer.class);

    @Inject
    CatalogueStore store;

    @Incoming("catalogue")
    @Blocking
    public void onQuestion(ConsumerRecord<String, String> record) {
        UUID key = CatalogueStore.asUuid(record.key());
        if (key == null) {
            LOG.warnf("catalogue record without a question id key at %s-%d@%d skipped",
                    record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            Retry.run("deleting question " + key, () -> {
                store.delete(key);
                return null;
            });
            return;
        }
        QuestionSnapshot snapshot;
        try {
            snapshot = EventJson.read(record.value(), QuestionSnapshot.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("malformed catalogue snapshot for %s skipped: %s", key, e.getOriginalMessage());
            return;
        }
        if (snapshot.slug() == null || snapshot.version() == null || snapshot.status() == null
                || !key.equals(snapshot.id())) {
            LOG.warnf("incomplete catalogue snapshot for %s skipped", key);
            return;
        }
        Retry.run("storing question " + key, () -> store.upsert(snapshot));
    }
}
