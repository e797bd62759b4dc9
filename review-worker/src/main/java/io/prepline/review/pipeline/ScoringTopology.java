package io.prepline.review.pipeline;

import java.util.function.BiConsumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import io.prepline.review.scoring.AnswerScorer;

/**
 * The worker's topology: every instance keeps the whole catalogue in a global table (rebuilt from the compacted
 * topic before processing starts), and the submissions, partitioned by answer id, are shared among the instances.
 * Each submission is joined with its question's current rubric and scored; one that cannot be scored yet is held in
 * a local store and looked up again until the grace period ends, then it goes to the dead-letter topic. Catalogue
 * records not from question-service never reach the store ({@link CatalogueProcessor}).
 */
public final class ScoringTopology {

    /** Raw catalogue snapshots by question id; tombstones remove a question. */
    public static final String CATALOGUE_STORE = "catalogue-questions";
    /** Submissions waiting for their question, part or rubric, by answer id and revision. */
    public static final String PENDING_STORE = "pending-submissions";
    /** The {@code channel} of the submissions' dead letters in the metrics. */
    public static final String SUBMITTED = "submitted";
    /** The {@code channel} of the catalogue records skipped in the metrics. */
    public static final String CATALOGUE = "catalogue";

    private ScoringTopology() {
    }

    public static Topology build(PipelineSettings settings, AnswerScorer scorer) {
        return build(settings, scorer, (channel, reason) -> {
        });
    }

    /**
     * @param rejected told of every submission dead-lettered ({@link #SUBMITTED}) and every catalogue record skipped
     *                 ({@link #CATALOGUE}), with its reason
     */
    public static Topology build(PipelineSettings settings, AnswerScorer scorer,
                                 BiConsumer<String, DeadLetter.Reason> rejected) {
        return build(settings, scorer, rejected, ScoringTelemetry.none());
    }

    /** @param telemetry the spans and scoring times of the scored submissions */
    public static Topology build(PipelineSettings settings, AnswerScorer scorer,
                                 BiConsumer<String, DeadLetter.Reason> rejected, ScoringTelemetry telemetry) {
        StreamsBuilder builder = new StreamsBuilder();
        // In-memory stores: the catalogue is small and rebuilt from its topic on start; held submissions are few
        // and restored from their changelog. No RocksDB keeps the worker's native memory low.
        builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(CATALOGUE_STORE),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(),
                settings.catalogueTopic(), Consumed.with(Serdes.String(), Serdes.String()),
                () -> new CatalogueProcessor(settings.catalogueSource(), reason -> rejected.accept(CATALOGUE, reason)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_STORE),
                Serdes.String(), Serdes.String()));

        KStream<String, Outcome> outcomes = builder
                .stream(settings.submittedTopic(), Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new ScoringProcessor(settings, scorer,
                        reason -> rejected.accept(SUBMITTED, reason), telemetry), Named.as("score-submission"),
                        PENDING_STORE);
        outcomes.filter((key, outcome) -> !outcome.deadLetter(), Named.as("scored"))
                .mapValues(Outcome::json, Named.as("scored-json"))
                .to(settings.scoredTopic(), Produced.with(Serdes.String(), Serdes.String()));
        outcomes.filter((key, outcome) -> outcome.deadLetter(), Named.as("dead-letters"))
                .mapValues(Outcome::json, Named.as("dead-letter-json"))
                .to(settings.deadLetterTopic(), Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }
}
