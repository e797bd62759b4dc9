package io.prepline.review.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ScoringStreamsStatusTest {

    @Test
    void readyOnlyWhenRunningWithTheCatalogueLoaded() {
        assertTrue(new ScoringStreams.Status("RUNNING", true).ready());
        assertFalse(new ScoringStreams.Status("RUNNING", false).ready(), "catalogue still loading");
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            if (state != KafkaStreams.State.RUNNING) {
                assertFalse(new ScoringStreams.Status(state.name(), true).ready(), state.name());
            }
        }
        assertFalse(new ScoringStreams.Status("NOT_CREATED", false).ready());
    }
}
