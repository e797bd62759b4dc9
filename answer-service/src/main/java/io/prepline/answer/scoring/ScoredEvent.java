package io.prepline.answer.scoring;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.prepline.platform.consumer.EventChecks;

/**
 * The fields of {@code answers.scored.v1} this service uses; the full document is kept as received. The compact
 * constructor is the event's validation (the ranges of the review-worker's schema {@code answers-scored.v1.json}):
 * an event that breaks it is rejected as {@code INVALID} and never applied.
 */
public record ScoredEvent(UUID answerId, UUID questionId, Integer part, Integer revision, Integer overall,
                          Double confidence, String verdict, Integer rubricVersion, String scorerVersion,
                          List<Criterion> criteria, Instant scoredAt) {

    static final Set<String> VERDICTS = Set.of("PASS", "BORDERLINE", "FAIL", "NEEDS_HUMAN");
    /** The scorer's scale of a criterion: 0-4. */
    static final int MAX_CRITERION_SCORE = 4;
    private static final Pattern SCORER_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,39}");

    public record Criterion(String key, String kind, String title, Integer score) {
    }

    public ScoredEvent {
        EventChecks checks = EventChecks.of()
                .required("answerId", answerId)
                .required("questionId", questionId)
                .optionalRange("part", part, 1, Integer.MAX_VALUE)
                .range("revision", revision, 1, Integer.MAX_VALUE)
                .range("overall", overall, 0, 100)
                .range("confidence", confidence, 0, 1)
                .oneOf("verdict", verdict, VERDICTS)
                .range("rubricVersion", rubricVersion, 0, Integer.MAX_VALUE)
                .matches("scorerVersion", scorerVersion, SCORER_VERSION, "a version")
                .required("criteria", criteria)
                .required("scoredAt", scoredAt);
        if (criteria != null) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < criteria.size(); i++) {
                check(checks, "criteria[" + i + "]", criteria.get(i), keys);
            }
        }
        checks.orReject();
    }

    private static void check(EventChecks checks, String field, Criterion c, Set<String> keys) {
        if (c == null) {
            checks.required(field, null);
            return;
        }
        checks.text(field + ".key", c.key(), 100)
                .text(field + ".kind", c.kind(), 64)
                .required(field + ".title", c.title()).maxLength(field + ".title", c.title(), 500)
                .range(field + ".score", c.score(), 0, MAX_CRITERION_SCORE)
                .check(c.key() == null || keys.add(c.key()), field + ".key repeats an earlier criterion");
    }
}
