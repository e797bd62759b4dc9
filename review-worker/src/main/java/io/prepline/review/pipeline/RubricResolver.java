package io.prepline.review.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        // An incomplete rubric (a criterion without points) is still scored: the scorer hands such an answer to a
        // human, which serves the candidate better than a dead letter.
        List<Rubric.Criterion> criteria = new ArrayList<>();
        int index = 0;
        for (CriterionPayload c : rubric.criteria()) {
            index++;
            if (c == null) {
                continue;
            }
            String key = c.key() == null || c.key().isBlank() ? "criterion-" + index : c.key();
            List<Rubric.Point> points = new ArrayList<>();
            for (PointPayload p : c.points() == null ? List.<PointPayload>of() : c.points()) {
                if (p == null || p.text() == null || p.text().isBlank()) {
                    continue;
                }
                List<List<String>> concepts = p.concepts() == null ? List.of() : p.concepts().stream()
                        .filter(Objects::nonNull)
                        .map(group -> group.stream().filter(Objects::nonNull).toList())
                        .filter(group -> !group.isEmpty())
                        .toList();
                String id = p.id() == null || p.id().isBlank() ? key + "-" + (points.size() + 1) : p.id();
                points.add(new Rubric.Point(id, p.text(), concepts));
            }
            criteria.add(new Rubric.Criterion(key, c.kind() == null ? key.toUpperCase(Locale.ROOT) : c.kind(),
                    c.title() == null ? key : c.title(), c.weight() == null ? 1.0 : c.weight(),
                    List.copyOf(points)));
        }
        if (criteria.isEmpty()) {
            return new NotFound(DeadLetter.Reason.RUBRIC_MISSING, what + " has a rubric without criteria");
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
