package io.prepline.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All settings of review-worker, under {@code review.*}. */
@ConfigMapping(prefix = "review")
public interface ReviewConfig {

    Topics topics();

    interface Topics {
        @WithDefault("catalogue.questions.v1")
        String catalogue();

        @WithDefault("answers.submitted.v1")
        String submitted();

        @WithDefault("answers.scored.v1")
        String scored();

        @WithDefault("answers.submitted.v1.dlq")
        String deadLetter();
    }
}
