package io.prepline.question.drafts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prepline.platform.problem.ProblemException;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.CatalogueService;
import io.prepline.question.catalogue.ETags;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.catalogue.QuestionEntity;
import io.prepline.question.catalogue.RenderedQuestion;
import io.prepline.question.catalogue.RubricEditor;
import io.prepline.question.drafts.DraftModels.Draft;
import io.prepline.question.drafts.DraftModels.DraftRequest;
import io.prepline.question.rubric.Rubric;
import io.prepline.question.rubric.RubricModels;
import io.prepline.question.rubric.RubricService;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Drafts of questions and rubrics: saved and checked like a published change, previewed as the page would look, and
 * published as one change of the question (one version, one event on catalogue.questions.v1). Until then nothing of a
 * draft reaches the question, its rubric versions or the outbox.
 */
@ApplicationScoped
public class DraftService {

    @Inject
    CatalogueService catalogue;
    @Inject
    RubricEditor rubricEditor;
    @Inject
    RubricService rubrics;
    @Inject
    QuestionConfig config;
    @Inject
    ObjectMapper json;

    @Transactional
    public Draft create(DraftRequest request, String author) {
        long open = DraftEntity.count("createdBy = ?1 and status = ?2", author, DraftEntity.OPEN);
        if (open >= config.drafts().maxOpenPerAuthor()) {
            throw ProblemException.conflict("too-many-drafts", "Too many drafts", "you hold " + open
                    + " open drafts, the most one author may; publish or discard one first");
        }
        DraftEntity d = new DraftEntity();
        d.id = UUID.randomUUID();
        d.status = DraftEntity.OPEN;
        d.revision = 1;
        d.createdBy = author;
        d.createdAt = now();
        save(d, request);
        d.persist();
        return view(d);
    }

    @Transactional
    public Draft get(UUID id) {
        return view(require(id));
    }

    @Transactional
    public DraftModels.DraftList list(String questionSlug, String author, int limit) {
        StringBuilder query = new StringBuilder("status = :status");
        Parameters params = Parameters.with("status", DraftEntity.OPEN);
        if (questionSlug != null) {
            query.append(" and questionId = :question");
            params.and("question", catalogue.require(questionSlug).id);
        }
        if (author != null) {
            query.append(" and createdBy = :author");
            params.and("author", author);
        }
        List<DraftEntity> drafts = DraftEntity.find(query.toString(), Sort.descending("updatedAt", "id"), params)
                .page(0, limit).list();
        return new DraftModels.DraftList(drafts.stream().map(this::view).toList());
    }

    /** Replaces an open draft; a change is based anew on the question's current version. */
    @Transactional
    public Draft replace(UUID id, String ifMatch, DraftRequest request) {
        DraftEntity d = lockOpen(id, ifMatch);
        if (request != null && (d.isNew() ? request.question() != null
                : request.question() == null || !catalogue.require(request.question()).id.equals(d.questionId))) {
            throw ProblemException.invalid("question", "must name the question the draft was made for (none for a new "
                    + "question)");
        }
        save(d, request);
        d.revision++;
        return view(d);
    }

    @Transactional
    public void discard(UUID id, String ifMatch) {
        lockOpen(id, ifMatch).delete();
    }

    /** The page as it would look once the draft is published, and requests for review-worker's score preview. */
    @Transactional
    public DraftModels.Preview preview(UUID id) {
        DraftEntity d = require(id);
        QuestionEntity current = d.isNew() ? null : QuestionEntity.<QuestionEntity>findById(d.questionId);
        QuestionEntity shown = current == null ? newQuestion(d.document) : changed(current, d.document);
        Map<Integer, Rubric> rubricsByPart = rubricsAfter(d, current, shown.parts.size());
        Map<Integer, List<Rubric.Criterion>> criteria = new LinkedHashMap<>();
        rubricsByPart.forEach((part, rubric) -> criteria.put(part, rubric.criteria()));
        return new DraftModels.Preview(d.id, catalogue.toDocument(shown, criteria),
                new DraftModels.ScorePreviewLink(config.drafts().scorePreviewUrl(),
                        scoreRequests(d, current, shown, rubricsByPart)));
    }

    /** Applies the draft as one change of the question (or creates it) and publishes it; the draft is kept, read only. */
    @Transactional
    public Published publish(UUID id, String ifMatch) {
        DraftEntity d = lockOpen(id, ifMatch);
        RenderedQuestion page;
        if (d.isNew()) {
            page = catalogue.create(d.document, d.createdBy);
        } else {
            QuestionEntity q = catalogue.lock(QuestionEntity.<QuestionEntity>findById(d.questionId).slug);
            if (q.version != d.baseVersion) {
                throw ProblemException.conflict("baseVersion", "the question is at version " + q.version
                        + " since the draft was saved on version " + d.baseVersion
                        + "; save the draft again (PUT) to apply it to the current version");
            }
            if (d.document != null) {
                catalogue.revise(q, d.document, d.createdBy);
            }
            if (d.rubrics != null) {
                rubricEditor.validate(d.rubrics, q.parts.size(), q.slug, "rubrics.");
                rubricEditor.append(q, d.rubrics, d.createdBy);
            }
            catalogue.changed(q);
            page = catalogue.render(q);
        }
        d.status = DraftEntity.PUBLISHED;
        d.publishedVersion = QuestionEntity.findBySlug(page.slug()).version;
        d.updatedAt = now();
        return new Published(d.isNew(), page);
    }

    /** The published page; {@code created} when the draft was of a new question. */
    public record Published(boolean created, RenderedQuestion page) {
    }

    /** The strong ETag of a draft as it is answered: its revision and a hash of the view. */
    public String etag(Draft draft) {
        return ETags.of(draft.revision(), draft, json);
    }

    /** Checks a request like the published change it would become, and stores it in the draft. */
    private void save(DraftEntity d, DraftRequest request) {
        if (request == null || (request.document() == null && request.rubrics() == null)) {
            throw ProblemException.invalid("document", "give the question's document, new rubrics, or both");
        }
        if (request.question() == null) {
            if (request.document() == null) {
                throw ProblemException.invalid("document", "a new question needs its document");
            }
            if (request.rubrics() != null) {
                throw ProblemException.invalid("rubrics", "a new question carries its rubrics in its document");
            }
            catalogue.validate(request.document(), null, "document.");
        } else {
            QuestionEntity q = catalogue.require(request.question());
            if (request.document() != null) {
                catalogue.validate(request.document(), q.slug, "document.");
            }
            if (request.rubrics() != null) {
                int parts = request.document() == null || request.document().parts() == null ? q.parts.size()
                        : request.document().parts().size();
                rubricEditor.validate(request.rubrics(), parts, q.slug, "rubrics.");
            }
            d.questionId = q.id;
            d.baseVersion = q.version;
        }
        d.document = request.document();
        d.rubrics = request.rubrics();
        d.updatedAt = now();
    }

    private DraftEntity require(UUID id) {
        DraftEntity d = DraftEntity.findById(id);
        if (d == null) {
            throw ProblemException.notFound("no draft with id '" + id + "'");
        }
        return d;
    }

    private DraftEntity lockOpen(UUID id, String ifMatch) {
        DraftEntity d = DraftEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("no draft with id '" + id + "'");
        }
        ETags.requireMatch(ifMatch, d.revision, "draft");
        if (!DraftEntity.OPEN.equals(d.status)) {
            throw ProblemException.conflict("status", "the draft was published as version " + d.publishedVersion
                    + " and can no longer change");
        }
        return d;
    }

    private Draft view(DraftEntity d) {
        String slug = d.document != null ? d.document.slug()
                : QuestionEntity.<QuestionEntity>findById(d.questionId).slug;
        return new Draft(d.id, d.isNew() ? DraftModels.Kind.NEW : DraftModels.Kind.CHANGE, d.status, slug,
                d.baseVersion, d.revision, d.publishedVersion, d.document, d.rubrics, d.createdBy, d.createdAt,
                d.updatedAt);
    }

    private QuestionEntity newQuestion(QuestionDocument doc) {
        QuestionEntity q = new QuestionEntity();
        q.apply(doc);
        q.status = CatalogueService.ACTIVE;
        q.version = 1;
        q.relatedIds = catalogue.resolveRelated(doc.related(), Map.of());
        return q;
    }

    private QuestionEntity changed(QuestionEntity current, QuestionDocument doc) {
        QuestionEntity q = current.copy();
        if (doc != null) {
            q.apply(doc);
            q.relatedIds = catalogue.resolveRelated(doc.related(), Map.of()).stream()
                    .filter(id -> !id.equals(current.id)).toList();
        }
        q.version = current.version + 1;
        return q;
    }

    /** The rubric of each part (0 = the whole question) once the draft is published. */
    private Map<Integer, Rubric> rubricsAfter(DraftEntity d, QuestionEntity current, int partCount) {
        Map<Integer, Rubric> byPart = new LinkedHashMap<>();
        if (current != null) {
            rubrics.current(current.id).forEach((part, version) -> byPart.put(part, version.toRubric()));
        }
        if (d.document != null) {
            put(byPart, RubricService.WHOLE_QUESTION, d.document.rubric());
            for (QuestionDocument.Part p : d.document.parts() == null ? List.<QuestionDocument.Part>of() : d.document.parts()) {
                put(byPart, p.number(), p.rubric());
            }
        }
        if (d.rubrics != null) {
            put(byPart, RubricService.WHOLE_QUESTION, d.rubrics.rubric());
            for (RubricModels.PartRubric p : d.rubrics.parts() == null ? List.<RubricModels.PartRubric>of() : d.rubrics.parts()) {
                put(byPart, p.number(), p.rubric());
            }
        }
        byPart.keySet().removeIf(part -> part > partCount);
        return byPart;
    }

    private static void put(Map<Integer, Rubric> byPart, int part, Rubric rubric) {
        if (rubric != null) {
            byPart.put(part, rubric);
        }
    }

    /** One score-preview request per rubric the draft writes, with the question's text as the draft has it. */
    private static List<DraftModels.ScorePreviewRequest> scoreRequests(DraftEntity d, QuestionEntity current,
                                                                     QuestionEntity shown, Map<Integer, Rubric> after) {
        List<DraftModels.ScorePreviewRequest> requests = new ArrayList<>();
        String question = current == null ? null : current.slug;
        after.forEach((part, rubric) -> {
            if (writes(d, part)) {
                requests.add(new DraftModels.ScorePreviewRequest(question,
                        part == RubricService.WHOLE_QUESTION ? null : part, prompt(shown, part),
                        new Rubric(null, rubric.criteria())));
            }
        });
        return requests;
    }

    private static boolean writes(DraftEntity d, int part) {
        boolean inDocument = d.document != null && (part == RubricService.WHOLE_QUESTION ? d.document.rubric() != null
                : d.document.parts() != null && d.document.parts().stream()
                        .anyMatch(p -> p.number() == part && p.rubric() != null));
        boolean inRubrics = d.rubrics != null && (part == RubricService.WHOLE_QUESTION ? d.rubrics.rubric() != null
                : d.rubrics.parts() != null && d.rubrics.parts().stream().anyMatch(p -> p.number() == part));
        return inDocument || inRubrics;
    }

    private static String prompt(QuestionEntity q, int part) {
        String text = q.title + "\n\n" + q.body;
        if (part == RubricService.WHOLE_QUESTION) {
            return text;
        }
        QuestionDocument.Part p = q.parts.get(part - 1);
        return text + "\n\n" + p.title() + "\n\n" + p.prompt();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
