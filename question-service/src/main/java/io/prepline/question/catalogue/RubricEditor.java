package io.prepline.question.catalogue;

import io.prepline.question.rubric.Rubric;
import io.prepline.question.rubric.RubricModels;
import io.prepline.question.rubric.RubricRules;
import io.prepline.question.rubric.RubricService;
import io.prepline.question.rubric.RubricVersionEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reads rubrics and writes new versions; each write bumps the question version and publishes it. */
@ApplicationScoped
public class RubricEditor {

    @Inject
    RubricService rubrics;
    @Inject
    CatalogueService catalogue;

    @Transactional
    public RubricModels.RubricView current(String slug) {
        return view(catalogue.require(slug));
    }

    @Transactional
    public Rubric version(String slug, int part, int version) {
        QuestionEntity q = catalogue.require(slug);
        return rubrics.version(q.id, part, version).map(RubricVersionEntity::toRubric)
                .orElseThrow(() -> ProblemException.notFound("no version " + version + " of the rubric of "
                        + (part == 0 ? "question" : "part " + part) + " of '" + slug + "'"));
    }

    @Transactional
    public RubricModels.RubricView replace(String slug, RubricModels.RubricUpdate update, String author) {
        if (update == null || (update.rubric() == null && (update.parts() == null || update.parts().isEmpty()))) {
            throw ProblemException.invalid("rubric", "give a rubric, part rubrics, or both");
        }
        QuestionEntity q = catalogue.lock(slug);
        List<FieldError> errors = new ArrayList<>();
        if (update.rubric() != null) {
            errors.addAll(RubricRules.check(update.rubric(), "rubric"));
        }
        List<RubricModels.PartRubric> parts = update.parts() == null ? List.of() : update.parts();
        for (int i = 0; i < parts.size(); i++) {
            RubricModels.PartRubric p = parts.get(i);
            String at = "parts[" + i + "]";
            if (p == null || p.number() == null) {
                errors.add(new FieldError(at + ".number", "must name a part"));
            } else if (p.number() < 1 || p.number() > q.parts.size()) {
                errors.add(new FieldError(at + ".number", "question '" + slug + "' has no part " + p.number()));
            } else if (p.rubric() == null) {
                errors.add(new FieldError(at + ".rubric", "must not be null"));
            } else {
                errors.addAll(RubricRules.check(p.rubric(), at + ".rubric"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the rubric has invalid fields", errors);
        }
        if (update.rubric() != null) {
            rubrics.append(q.id, RubricService.WHOLE_QUESTION, update.rubric(), author);
        }
        for (RubricModels.PartRubric p : parts) {
            rubrics.append(q.id, p.number(), p.rubric(), author);
        }
        catalogue.changed(q);
        return view(q);
    }

    private RubricModels.RubricView view(QuestionEntity q) {
        Map<Integer, RubricVersionEntity> current = rubrics.current(q.id);
        RubricVersionEntity whole = current.get(RubricService.WHOLE_QUESTION);
        return new RubricModels.RubricView(q.id, q.slug, q.version, whole == null ? null : whole.toRubric(),
                q.parts.stream().map(p -> new RubricModels.PartRubric(p.number(), p.title(),
                        current.containsKey(p.number()) ? current.get(p.number()).toRubric() : null)).toList());
    }
}
