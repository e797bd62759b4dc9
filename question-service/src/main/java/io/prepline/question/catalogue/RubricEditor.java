package io.prepline.question.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.rubric.Rubric;
import io.prepline.question.rubric.RubricDiff;
import io.prepline.question.rubric.RubricModels;
import io.prepline.question.rubric.RubricRules;
import io.prepline.question.rubric.RubricService;
import io.prepline.question.rubric.RubricVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reads rubrics, their versions and differences, and writes new versions; each write bumps the question version. */
@ApplicationScoped
public class RubricEditor {

    @Inject
    RubricService rubrics;
    @Inject
    CatalogueService catalogue;
    @Inject
    ObjectMapper json;

    @Transactional
    public RubricModels.RubricView current(String slug) {
        return view(catalogue.require(slug));
    }

    @Transactional
    public Rubric version(String slug, int part, int version) {
        return find(catalogue.require(slug), part, version).toRubric();
    }

    /** The strong ETag of a rubric view: the question's version (what If-Match compares) and a hash of the view. */
    public String etag(RubricModels.RubricView view) {
        return ETags.of(view.questionVersion(), view, json);
    }

    @Transactional
    public RubricModels.RubricView replace(String slug, String ifMatch, RubricModels.RubricUpdate update, String author) {
        QuestionEntity q = catalogue.lock(slug);
        ETags.requireMatch(ifMatch, q.version, "question");
        validate(update, q.parts.size(), slug, "");
        append(q, update, author);
        catalogue.changed(q);
        return view(q);
    }

    /**
     * Every rule of a rubric update for a question of {@code partCount} parts, as one 400 problem naming each field
     * prefixed with {@code at}.
     */
    public void validate(RubricModels.RubricUpdate update, int partCount, String slug, String at) {
        if (update == null || (update.rubric() == null && (update.parts() == null || update.parts().isEmpty()))) {
            throw ProblemException.invalid(at + "rubric", "give a rubric, part rubrics, or both");
        }
        List<FieldError> errors = new ArrayList<>();
        if (update.rubric() != null) {
            errors.addAll(RubricRules.check(update.rubric(), at + "rubric"));
        }
        List<RubricModels.PartRubric> parts = update.parts() == null ? List.of() : update.parts();
        for (int i = 0; i < parts.size(); i++) {
            RubricModels.PartRubric p = parts.get(i);
            String partAt = at + "parts[" + i + "]";
            if (p == null || p.number() == null) {
                errors.add(new FieldError(partAt + ".number", "must name a part"));
            } else if (p.number() < 1 || p.number() > partCount) {
                errors.add(new FieldError(partAt + ".number", "question '" + slug + "' has no part " + p.number()));
            } else if (p.rubric() == null) {
                errors.add(new FieldError(partAt + ".rubric", "must not be null"));
            } else {
                errors.addAll(RubricRules.check(p.rubric(), partAt + ".rubric"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the rubric has invalid fields", errors);
        }
    }

    /** Appends a version per rubric of a validated update; the caller publishes the question once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(QuestionEntity q, RubricModels.RubricUpdate update, String author) {
        if (update.rubric() != null) {
            rubrics.append(q.id, RubricService.WHOLE_QUESTION, update.rubric(), author);
        }
        for (RubricModels.PartRubric p : update.parts() == null ? List.<RubricModels.PartRubric>of() : update.parts()) {
            rubrics.append(q.id, p.number(), p.rubric(), author);
        }
    }

    @Transactional
    public RubricModels.VersionList versions(String slug, int part, Integer before, int limit) {
        QuestionEntity q = catalogue.require(slug);
        if (part < RubricService.WHOLE_QUESTION || part > q.parts.size()) {
            throw ProblemException.notFound("question '" + slug + "' has no part " + part);
        }
        List<RubricModels.VersionSummary> items = rubrics.versions(q.id, part, before, limit + 1).stream()
                .map(v -> new RubricModels.VersionSummary(v.version, v.createdBy, v.createdAt, v.criteria.size(),
                        v.criteria.stream().mapToInt(c -> c.points() == null ? 0 : c.points().size()).sum()))
                .toList();
        boolean more = items.size() > limit;
        List<RubricModels.VersionSummary> page = more ? items.subList(0, limit) : items;
        return new RubricModels.VersionList(q.slug, part, page, more ? page.getLast().version() : null);
    }

    @Transactional
    public RubricModels.Diff diff(String slug, int part, int from, int to) {
        QuestionEntity q = catalogue.require(slug);
        return new RubricModels.Diff(q.slug, part, from, to,
                RubricDiff.between(find(q, part, from).criteria, find(q, part, to).criteria));
    }

    private RubricVersionEntity find(QuestionEntity q, int part, int version) {
        return rubrics.version(q.id, part, version).orElseThrow(() -> ProblemException.notFound("no version " + version
                + " of the rubric of " + (part == 0 ? "question" : "part " + part) + " of '" + q.slug + "'"));
    }

    private RubricModels.RubricView view(QuestionEntity q) {
        Map<Integer, RubricVersionEntity> current = rubrics.current(q.id);
        RubricVersionEntity whole = current.get(RubricService.WHOLE_QUESTION);
        return new RubricModels.RubricView(q.id, q.slug, q.version, whole == null ? null : whole.toRubric(),
                q.parts.stream().map(p -> new RubricModels.PartRubric(p.number(), p.title(),
                        current.containsKey(p.number()) ? current.get(p.number()).toRubric() : null)).toList());
    }
}
