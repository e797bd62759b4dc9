package io.prepline.review.pipeline;

import java.util.function.Consumer;

import io.prepline.platform.consumer.EventChecks;
import io.prepline.platform.messaging.CloudEvents;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jboss.logging.Logger;

/**
 * Keeps the global catalogue store: a snapshot from question-service (its CloudEvents source) replaces the question's
 * record, a tombstone removes it. A record from any other source is skipped, logged and counted: it never reaches the
 * scorer, and stays in the topic for whoever looks into it. Restoring the store at start-up replays the topic through
 * this processor, so a skipped record stays out after a restart too.
 */
final class CatalogueProcessor implements Processor<String, String, Void, Void> {

    private static final Logger LOG = Logger.getLogger(CatalogueProcessor.class);

    private final String source;
    private final Consumer<DeadLetter.Reason> skipped;
    private TimestampedKeyValueStore<String, String> store;

    /** @param skipped told of every record skipped, with its reason (the worker counts them) */
    CatalogueProcessor(String source, Consumer<DeadLetter.Reason> skipped) {
        this.source = source;
        this.skipped = skipped;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(ScoringTopology.CATALOGUE_STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        String from = CloudEvents.header(record.headers(), CloudEvents.SOURCE);
        if (!source.equals(from)) {
            LOG.warnf("catalogue record %s skipped: %s", record.key() == null ? "without key"
                    : EventChecks.shown(record.key()), from == null ? "no " + CloudEvents.SOURCE + " header"
                    : CloudEvents.SOURCE + " " + EventChecks.shown(from) + " is not " + source);
            skipped.accept(DeadLetter.Reason.UNTRUSTED_SOURCE);
            return;
        }
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
    }
}
