package io.prepline.review.preview;

import java.util.ArrayList;
import java.util.List;

import io.prepline.platform.problem.FieldError;
import io.prepline.review.ReviewConfig;
import io.prepline.review.pipeline.CatalogueQuestion.CriterionPayload;
import io.prepline.review.pipeline.CatalogueQuestion.PointPayload;
import io.prepline.review.pipeline.CatalogueQuestion.RubricPayload;

/**
 * Bounds and shape of an inline draft rubric, reported per field ({@code rubric.criteria[1].points[0].text}): every
 * list and text is bounded, so a hostile rubric costs the scorer no more than a large published one.
 */
final class DraftRubricRules {

    private DraftRubricRules() {
    }

    static List<FieldError> check(RubricPayload rubric, ReviewConfig.Preview limits) {
        List<FieldError> errors = new ArrayList<>();
        List<CriterionPayload> criteria = rubric.criteria();
        if (criteria == null || criteria.isEmpty()) {
            errors.add(new FieldError("rubric.criteria", "must contain at least one criterion"));
            return errors;
        }
        if (criteria.size() > limits.maxCriteria()) {
            errors.add(new FieldError("rubric.criteria", "must contain at most " + limits.maxCriteria() + " criteria"));
            return errors;
        }
        int points = 0;
        for (int i = 0; i < criteria.size(); i++) {
            String at = "rubric.criteria[" + i + "]";
            CriterionPayload c = criteria.get(i);
            if (c == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            text(errors, at + ".key", c.key(), true, limits);
            text(errors, at + ".kind", c.kind(), false, limits);
            text(errors, at + ".title", c.title(), false, limits);
            if (c.weight() != null && !(c.weight() > 0 && c.weight() <= 1)) {
                errors.add(new FieldError(at + ".weight", "must be greater than 0 and at most 1"));
            }
            if (c.points() == null || c.points().isEmpty()) {
                errors.add(new FieldError(at + ".points", "must contain at least one expected point"));
                continue;
            }
            points += c.points().size();
            if (points > limits.maxPoints()) {
                errors.add(new FieldError(at + ".points", "the rubric may have at most " + limits.maxPoints() + " points"));
                return errors;
            }
            for (int j = 0; j < c.points().size(); j++) {
                point(errors, at + ".points[" + j + "]", c.points().get(j), limits);
            }
        }
        return errors;
    }

    private static void point(List<FieldError> errors, String at, PointPayload p, ReviewConfig.Preview limits) {
        if (p == null) {
            errors.add(new FieldError(at, "must not be null"));
            return;
        }
        text(errors, at + ".id", p.id(), false, limits);
        text(errors, at + ".text", p.text(), true, limits);
        List<List<String>> concepts = p.concepts() == null ? List.of() : p.concepts();
        if (concepts.size() > limits.maxConceptGroups()) {
            errors.add(new FieldError(at + ".concepts", "must contain at most " + limits.maxConceptGroups() + " groups"));
            return;
        }
        for (int k = 0; k < concepts.size(); k++) {
            List<String> group = concepts.get(k);
            String gAt = at + ".concepts[" + k + "]";
            if (group == null || group.isEmpty() || group.size() > limits.maxConceptTerms()) {
                errors.add(new FieldError(gAt, "must hold 1 to " + limits.maxConceptTerms() + " terms"));
                continue;
            }
            for (int t = 0; t < group.size(); t++) {
                text(errors, gAt + "[" + t + "]", group.get(t), true, limits);
            }
        }
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required,
                             ReviewConfig.Preview limits) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
        } else if (value.length() > limits.maxTextChars()) {
            errors.add(new FieldError(field, "must be at most " + limits.maxTextChars() + " characters"));
        }
    }
}
