package io.prepline.review.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.prepline.review.pipeline.CatalogueQuestion.CriterionPayload;
import io.prepline.review.pipeline.CatalogueQuestion.PartPayload;
import io.prepline.review.pipeline.CatalogueQuestion.PointPayload;
import io.prepline.review.pipeline.CatalogueQuestion.RubricPayload;
import io.prepline.review.scoring.Rubric;

/** Turns a catalogue snapshot into the rubric the scorer needs for the question or one of its parts. */
public final class RubricResolver {

    private RubricResolver() {
    }

    /** The outcome of a lookup: a rubric, or why there is none. */
    public sealed interface Resolution {
    }

    public record Found(Rubric rubric) implements Resolution {
    }

    public record NotFound(DeadLetter.Reason reason, String detail) implements Resolution {
    }

    public static Resolution resolve(CatalogueQuestion question, Integer part) {
        if (part == null) {
            return toRubric(question, null, join(question.title(), question.prompt()), question.rubric(),
                    "question " + question.id());
        }
        PartPayload match = question.parts() == null ? null : question.parts().stream()
                .filter(p -> p != null && part.equals(p.number())).findFirst().orElse(null);
        if (match == null) {
            return new NotFound(DeadLetter.Reason.UNKNOWN_PART,
                    "question " + question.id() + " has no part " + part);
        }
        String text = join(join(question.title(), question.prompt()), join(match.title(), match.prompt()));
        return toRubric(question, part, text, match.rubric(), "part " + part + " of question " + question.id());
    }

    private static Resolution toRubric(CatalogueQuestion question, Integer part, String questionText,
                                       RubricPayload rubric, String what) {
        if (rubric == null || rubric.version() == null || rubric.criteria() == null || rubric.criteria().isEmpty()) {
            return new NotFound(DeadLetter.Reason.RUBRIC_MISSING, what + " has no rubric");
        }
        List<Rubric.Criterion> criteria = new ArrayList<>();
        for (CriterionPayload c : rubric.criteria()) {
            if (c == null || c.key() == null || c.points() == null || c.points().isEmpty()) {
                return new NotFound(DeadLetter.Reason.RUBRIC_MISSING,
                        what + " has a rubric criterion without a key or points");
            }
            List<Rubric.Point> points = new ArrayList<>();
            for (PointPayload p : c.points()) {
                if (p == null || p.id() == null || p.text() == null) {
                    return new NotFound(DeadLetter.Reason.RUBRIC_MISSING,
                            what + " has a rubric point without an id or text in criterion " + c.key());
                }
                List<List<String>> concepts = p.concepts() == null ? List.of() : p.concepts().stream()
                        .filter(Objects::nonNull)
                        .map(group -> group.stream().filter(Objects::nonNull).toList())
                        .filter(group -> !group.isEmpty())
                        .toList();
                points.add(new Rubric.Point(p.id(), p.text(), concepts));
            }
            criteria.add(new Rubric.Criterion(c.key(), c.kind() == null ? c.key().toUpperCase() : c.kind(),
                    c.title() == null ? c.key() : c.title(), c.weight() == null ? 1.0 : c.weight(), points));
        }
        return new Found(new Rubric(question.id(), part, rubric.version(), questionText, question.sampleAnswer(),
                List.copyOf(criteria)));
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second == null ? "" : second;
        }
        if (second == null || second.isBlank()) {
            return first;
        }
        return first + "\n\n" + second;
    }
}
