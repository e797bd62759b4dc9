package io.prepline.answer.catalogue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.prepline.platform.consumer.EventChecks;

/**
 * The part of a {@code catalogue.questions.v1} snapshot this service keeps; other fields are ignored. The compact
 * constructor is the snapshot's validation (question-service's schema {@code catalogue-question.v1.json}).
 */
public record QuestionSnapshot(UUID id, String slug, Long version, String status, String title, JsonNode rubric,
                               List<Part> parts) {

    static final Set<String> STATUSES = Set.of("ACTIVE", "RETIRED");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public record Part(Integer number, String title, JsonNode rubric) {
    }

    public QuestionSnapshot {
        EventChecks checks = EventChecks.of()
                .required("id", id)
                .matches("slug", slug, SLUG, "a slug").maxLength("slug", slug, 300)
                .range("version", version, 1, Long.MAX_VALUE)
                .oneOf("status", status, STATUSES)
                .text("title", title, 500)
                .required("parts", parts);
        rubric(checks, "rubric", rubric);
        if (parts != null) {
            Set<Integer> numbers = new HashSet<>();
            for (int i = 0; i < parts.size(); i++) {
                Part part = parts.get(i);
                String field = "parts[" + i + "]";
                checks.required(field, part);
                if (part != null) {
                    checks.range(field + ".number", part.number(), 1, 1000)
                            .check(part.number() == null || numbers.add(part.number()),
                                    field + ".number repeats an earlier part")
                            .maxLength(field + ".title", part.title(), 500);
                    rubric(checks, field + ".rubric", part.rubric());
                }
            }
        }
        checks.orReject();
    }

    /** A rubric is absent (null) or an object with its version. */
    private static void rubric(EventChecks checks, String field, JsonNode rubric) {
        if (rubric != null && !rubric.isNull()) {
            checks.check(rubric.isObject(), field + " is not an object")
                    .check(rubric.path("version").isInt() && rubric.path("version").asInt() >= 1,
                            field + ".version is not a version (1 or more)")
                    .check(rubric.path("criteria").isArray(), field + ".criteria is required");
        }
    }

    boolean hasRubric() {
        return rubric != null && !rubric.isNull();
    }
}
