package io.prepline.question;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All settings of question-service, under {@code question.*}. */
@ConfigMapping(prefix = "question")
public interface QuestionConfig {

    Topics topics();

    interface Topics {
        /** Full snapshots of questions with their rubric (compacted). */
        @WithDefault("catalogue.questions.v1")
        String catalogue();

        /** Final decisions on answers, for solved counts and sample-answer access. */
        @WithDefault("answers.decided.v1")
        String decided();
    }
}
