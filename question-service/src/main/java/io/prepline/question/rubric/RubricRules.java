package io.prepline.question.rubric;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.prepline.platform.problem.FieldError;

/** Rules a rubric must meet beyond its field constraints, reported per field. */
public final class RubricRules {

    static final double WEIGHT_TOLERANCE = 0.001;

    private RubricRules() {
    }

    public static List<FieldError> check(Rubric rubric, String at) {
        List<FieldError> errors = new ArrayList<>();
        if (rubric.criteria() == null || rubric.criteria().isEmpty()) {
            errors.add(new FieldError(at + ".criteria", "must contain at least one criterion"));
            return errors;
        }
        Set<String> keys = new HashSet<>();
        Set<String> pointIds = new HashSet<>();
        double total = 0;
        for (int i = 0; i < rubric.criteria().size(); i++) {
            Rubric.Criterion c = rubric.criteria().get(i);
            String cAt = at + ".criteria[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(cAt, "must not be null"));
                continue;
            }
            if (blank(c.key())) {
                errors.add(new FieldError(cAt + ".key", "must not be blank"));
            } else if (!keys.add(c.key())) {
                errors.add(new FieldError(cAt + ".key", "duplicates another criterion key"));
            }
            if (blank(c.kind()) || !c.kind().matches("[A-Z][A-Z_]*")) {
                errors.add(new FieldError(cAt + ".kind", "must be an upper-case kind such as DEFINITIONS"));
            }
            if (blank(c.title())) {
                errors.add(new FieldError(cAt + ".title", "must not be blank"));
            }
            if (c.weight() == null || c.weight() <= 0 || c.weight() > 1) {
                errors.add(new FieldError(cAt + ".weight", "must be greater than 0 and at most 1"));
            } else {
                total += c.weight();
            }
            if (c.points() == null || c.points().isEmpty()) {
                errors.add(new FieldError(cAt + ".points", "must contain at least one expected point"));
                continue;
            }
            for (int j = 0; j < c.points().size(); j++) {
                Rubric.Point p = c.points().get(j);
                String pAt = cAt + ".points[" + j + "]";
                if (p == null) {
                    errors.add(new FieldError(pAt, "must not be null"));
                    continue;
                }
                if (blank(p.id())) {
                    errors.add(new FieldError(pAt + ".id", "must not be blank"));
                } else if (!pointIds.add(p.id())) {
                    errors.add(new FieldError(pAt + ".id", "duplicates another point id"));
                }
                if (blank(p.text())) {
                    errors.add(new FieldError(pAt + ".text", "must not be blank"));
                }
                if (p.concepts() == null) {
                    errors.add(new FieldError(pAt + ".concepts", "must be a list of concept groups (may be empty)"));
                } else {
                    for (int k = 0; k < p.concepts().size(); k++) {
                        List<String> group = p.concepts().get(k);
                        if (group == null || group.isEmpty() || group.stream().anyMatch(RubricRules::blank)) {
                            errors.add(new FieldError(pAt + ".concepts[" + k + "]",
                                    "must be a non-empty list of non-blank terms"));
                        }
                    }
                }
            }
        }
        if (errors.isEmpty() && Math.abs(total - 1.0) > WEIGHT_TOLERANCE) {
            errors.add(new FieldError(at + ".criteria", "weights must sum to 1 (they sum to " + total + ")"));
        }
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
