package io.prepline.answer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All settings of answer-service, under {@code answer.*}. */
@ConfigMapping(prefix = "answer")
public interface AnswerConfig {

    Topics topics();

    interface Topics {
        /** The catalogue of questions and rubrics, kept locally to validate submissions. */
        @WithDefault("catalogue.questions.v1")
        String catalogue();

        @WithDefault("answers.submitted.v1")
        String submitted();

        @WithDefault("answers.scored.v1")
        String scored();

        @WithDefault("answers.decided.v1")
        String decided();
    }
}
