package io.prepline.review.pipeline;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.prepline.review.scoring.AnswerScorer;
import io.prepline.review.scoring.RubricScorer;

/** One scorer per process: it caches rubric embeddings and is thread-safe, shared by the pipeline and the preview. */
public class ScorerProducer {

    @Produces
    @Singleton
    AnswerScorer scorer() {
        return new RubricScorer();
    }
}
