package io.prepline.review.pipeline;

import java.time.Duration;

import io.prepline.review.ReviewConfig;

/**
 * What the topology needs to know, apart from the scorer.
 *
 * @param submissionSource the CloudEvents source of the submissions' producer; others are dead-lettered
 * @param catalogueSource  the CloudEvents source of the catalogue's producer; others are skipped
 */
public record PipelineSettings(String catalogueTopic, String submittedTopic, String scoredTopic,
                               String deadLetterTopic, Duration rubricGracePeriod, Duration retryInterval,
                               String submissionSource, String catalogueSource) {

    public static PipelineSettings from(ReviewConfig config) {
        return new PipelineSettings(config.topics().catalogue(), config.topics().submitted(),
                config.topics().scored(), config.topics().deadLetter(), config.streams().rubricGracePeriod(),
                config.streams().retryInterval(), config.sources().answerService(),
                config.sources().questionService());
    }
}
