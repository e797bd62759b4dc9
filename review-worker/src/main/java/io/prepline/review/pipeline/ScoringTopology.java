package io.prepline.review.pipeline;

import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import io.prepline.review.scoring.AnswerScorer;

/**
 * The worker's topology: every instance keeps the whole catalogue in a global table (rebuilt from the compacted
 * topic before processing starts), and the submissions, partitioned by answer id, are shared among the instances.
 * Each submission is joined with its question's current rubric and scored; one that cannot be scored yet is held in
 * a local store and looked up again until the grace period ends, then it goes to the dead-letter topic.
 */
public final class ScoringTopology {

    /** Raw catalogue snapshots by question id; tombstones remove a question. */
    public static final String CATALOGUE_STORE = "catalogue-questions";
    /** Submissions waiting for their question, part or rubric, by answer id and revision. */
    public static final String PENDING_STORE = "pending-submissions";

    private ScoringTopology() {
    }

    public static Topology build(PipelineSettings settings, AnswerScorer scorer) {
        return build(settings, scorer, reason -> {
        });
    }

    /** @param deadLettered told of every dead letter, with its reason */
    public static Topology build(PipelineSettings settings, AnswerScorer scorer,
                                 Consumer<DeadLetter.Reason> deadLettered) {
        return build(settings, scorer, deadLettered, ScoringTelemetry.none());
    }

    /** @param telemetry the spans and scoring times of the scored submissions */
    public static Topology build(PipelineSettings settings, AnswerScorer scorer,
                                 Consumer<DeadLetter.Reason> deadLettered, ScoringTelemetry telemetry) {
        StreamsBuilder builder = new StreamsBuilder();
        // In-memory stores: the catalogue is small and rebuilt from its topic on start; held submissions are few
        // and restored from their changelog. No RocksDB keeps the worker's native memory low.
        builder.globalTable(settings.catalogueTopic(), Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.<String, String>as(Stores.inMemoryKeyValueStore(CATALOGUE_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_STORE),
                Serdes.String(), Serdes.String()));

        KStream<String, Outcome> outcomes = builder
                .stream(settings.submittedTopic(), Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new ScoringProcessor(settings, scorer, deadLettered, telemetry),
                        Named.as("score-submission"),
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
