package io.prepline.question.catalogue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.QuestionConfig;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.Problem;
import io.prepline.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.prepline.question.rubric.Rubric;
import io.prepline.question.rubric.RubricRules;
import io.prepline.question.rubric.RubricService;
import io.prepline.question.rubric.RubricVersionEntity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Question pages: reading one (rendered and cached) and the authoring rules. Every change is published. */
@ApplicationScoped
public class CatalogueService {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    @Inject
    QuestionConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    RubricService rubrics;
    @Inject
    CataloguePublisher publisher;

    @Inject
    CatalogueChanges changes;
    @Inject
    PageQuery pages;

    private CatalogueCache<String, RenderedQuestion> rendered;

    @PostConstruct
    void createCache() {
        rendered = CatalogueCache.pages(changes, config.api().detailCacheSize());
    }

    /** The detail page of a question, rendered once per change of the catalogue; read without blocking. */
    public Uni<RenderedQuestion> page(String slug) {
        return rendered.load(slug, this::renderFresh);
    }

    /** {@link #page}, waited for: on a worker thread only. */
    public RenderedQuestion detail(String slug) {
        return page(slug).await().indefinitely();
    }

    private Uni<RenderedQuestion> renderFresh(String slug) {
        return pages.page(slug).map(page -> render(page
                .orElseThrow(() -> ProblemException.notFound("no question with slug '" + slug + "'"))));
    }

    public QuestionEntity require(String slug) {
        QuestionEntity q = QuestionEntity.findBySlug(slug);
        if (q == null) {
            throw ProblemException.notFound("no question with slug '" + slug + "'");
        }
        return q;
    }

    @Transactional
    public RenderedQuestion create(QuestionDocument doc, String author) {
        validate(doc, null, "");
        QuestionEntity q = insert(doc, author, false);
        q.relatedIds = resolveRelated(doc.related(), Map.of());
        publisher.questionChanged(q);
        changes.changedOnCommit();
        return render(q);
    }

    /** All or nothing: either every question is valid and stored, or nothing is and each item's errors are listed. */
    @Transactional
    public List<QuestionEntity> importAll(List<QuestionDocument> docs, String author, boolean trustServerFields) {
        if (docs == null || docs.isEmpty()) {
            throw ProblemException.invalid("questions", "must contain at least one question");
        }
        if (docs.size() > config.api().maxImport()) {
            throw ProblemException.invalid("questions", "must contain at most " + config.api().maxImport() + " questions");
        }
        Set<String> batchSlugs = docs.stream().filter(Objects::nonNull).map(QuestionDocument::slug)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<Problem.ItemErrors> items = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            QuestionDocument doc = docs.get(i);
            if (doc == null) {
                items.add(new Problem.ItemErrors(i, null, List.of(new FieldError("questions[" + i + "]", "must not be null"))));
                continue;
            }
            List<FieldError> errors = new ArrayList<>(check(doc, "questions[" + i + "].", null, batchSlugs));
            if (doc.slug() != null && !seen.add(doc.slug())) {
                errors.add(new FieldError("questions[" + i + "].slug", "appears twice in this import"));
            }
            if (!errors.isEmpty()) {
                items.add(new Problem.ItemErrors(i, doc.slug(), errors));
            }
        }
        if (!items.isEmpty()) {
            throw new ProblemException(400, "invalid-import", "Invalid import",
                    items.size() + " of " + docs.size() + " questions are invalid; nothing was imported", null, items);
        }
        Map<String, UUID> created = new LinkedHashMap<>();
        List<QuestionEntity> entities = new ArrayList<>();
        for (QuestionDocument doc : docs) {
            QuestionEntity q = insert(doc, author, trustServerFields);
            created.put(q.slug, q.id);
            entities.add(q);
        }
        for (int i = 0; i < docs.size(); i++) {
            entities.get(i).relatedIds = resolveRelated(docs.get(i).related(), created);
            publisher.questionChanged(entities.get(i));
        }
        changes.changedOnCommit();
        return entities;
    }

    @Transactional
    public RenderedQuestion update(String slug, String ifMatch, QuestionDocument doc, String author) {
        QuestionEntity q = lock(slug);
        requireMatch(q, ifMatch);
        revise(q, doc, author);
        changed(q);
        return render(q);
    }

    /**
     * Applies a whole new document to a locked question and appends the rubric versions that changed, without bumping
     * its version or publishing it: the caller calls {@link #changed} once for the whole change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revise(QuestionEntity q, QuestionDocument doc, String author) {
        validate(doc, q.slug, "");
        q.apply(doc);
        q.relatedIds = resolveRelated(doc.related(), Map.of()).stream().filter(id -> !id.equals(q.id)).toList();
        Map<Integer, RubricVersionEntity> current = rubrics.current(q.id);
        appendIfChanged(q.id, RubricService.WHOLE_QUESTION, doc.rubric(), current, author);
        for (QuestionDocument.Part part : orEmpty(doc.parts())) {
            appendIfChanged(q.id, part.number(), part.rubric(), current, author);
        }
    }

    /**
     * Every rule a question document must meet, as one 400 problem naming each field prefixed with {@code at};
     * {@code currentSlug} may stay.
     */
    public void validate(QuestionDocument doc, String currentSlug, String at) {
        List<FieldError> errors = check(doc, at, currentSlug, Set.of());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the question has invalid fields", errors);
        }
    }

    @Transactional
    public void retire(String slug, String ifMatch) {
        QuestionEntity q = lock(slug);
        requireMatch(q, ifMatch);
        if (!RETIRED.equals(q.status)) {
            q.status = RETIRED;
            changed(q);
        }
    }

    /** Bumps the version of a question whose content or rubric changed, and publishes the new snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(QuestionEntity q) {
        q.version++;
        q.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        publisher.questionChanged(q);
        changes.changedOnCommit();
    }

    public QuestionEntity lock(String slug) {
        QuestionEntity q = QuestionEntity.find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (q == null) {
            throw ProblemException.notFound("no question with slug '" + slug + "'");
        }
        return q;
    }

    private static void requireMatch(QuestionEntity q, String ifMatch) {
        ETags.requireMatch(ifMatch, q.version, "question");
    }

    private void appendIfChanged(UUID questionId, int part, Rubric rubric, Map<Integer, RubricVersionEntity> current,
                                 String author) {
        if (rubric == null) {
            return;
        }
        RubricVersionEntity now = current.get(part);
        if (now == null || !Objects.equals(now.criteria, rubric.criteria())) {
            rubrics.append(questionId, part, rubric, author);
        }
    }

    private QuestionEntity insert(QuestionDocument doc, String author, boolean trustServerFields) {
        QuestionEntity q = new QuestionEntity();
        q.id = trustServerFields && doc.id() != null ? doc.id() : UUID.randomUUID();
        q.apply(doc);
        q.status = ACTIVE;
        q.version = 1;
        q.relatedIds = List.of();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        q.createdAt = trustServerFields && doc.createdAt() != null ? doc.createdAt() : now;
        q.updatedAt = trustServerFields && doc.updatedAt() != null ? doc.updatedAt() : now;
        if (trustServerFields && doc.counters() != null) {
            q.likesCount = doc.counters().likes();
            q.solvedCount = doc.counters().solved();
        }
        q.persist();
        if (doc.rubric() != null) {
            rubrics.append(q.id, RubricService.WHOLE_QUESTION, doc.rubric(), author);
        }
        for (QuestionDocument.Part part : orEmpty(doc.parts())) {
            if (part.rubric() != null) {
                rubrics.append(q.id, part.number(), part.rubric(), author);
            }
        }
        return q;
    }

    public List<UUID> resolveRelated(List<QuestionDocument.RelatedRef> related, Map<String, UUID> batch) {
        List<UUID> ids = new ArrayList<>();
        for (QuestionDocument.RelatedRef ref : orEmpty(related)) {
            UUID id = batch.get(ref.slug());
            if (id == null) {
                id = QuestionEntity.findBySlug(ref.slug()).id;
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Field constraints, rubric rules, part numbering, slug uniqueness and related references, as field errors
     * prefixed with {@code at}. {@code currentSlug}: the slug of the question being updated (it may keep it); {@code pending}: slugs created in the same import.
     */
    List<FieldError> check(QuestionDocument doc, String at, String currentSlug, Set<String> pending) {
        List<FieldError> errors = new ArrayList<>();
        if (doc == null) {
            errors.add(new FieldError(at.isEmpty() ? "body" : at, "a question document is required"));
            return errors;
        }
        for (ConstraintViolation<QuestionDocument> v : validator.validate(doc)) {
            errors.add(new FieldError(at + fieldPath(v.getPropertyPath().toString()), v.getMessage()));
        }
        if (doc.rubric() != null) {
            errors.addAll(RubricRules.check(doc.rubric(), at + "rubric"));
        }
        List<QuestionDocument.Part> parts = orEmpty(doc.parts());
        for (int i = 0; i < parts.size(); i++) {
            QuestionDocument.Part part = parts.get(i);
            if (part == null) {
                continue;
            }
            if (part.number() != null && part.number() != i + 1) {
                errors.add(new FieldError(at + "parts[" + i + "].number", "parts must be numbered 1, 2, 3 ... in order"));
            }
            if (part.rubric() != null) {
                errors.addAll(RubricRules.check(part.rubric(), at + "parts[" + i + "].rubric"));
            }
        }
        if (doc.slug() != null && !doc.slug().equals(currentSlug) && QuestionEntity.count("slug", doc.slug()) > 0) {
            errors.add(new FieldError(at + "slug", "is already used by another question"));
        }
        List<QuestionDocument.RelatedRef> related = orEmpty(doc.related());
        for (int i = 0; i < related.size(); i++) {
            QuestionDocument.RelatedRef ref = related.get(i);
            if (ref != null && ref.slug() != null && !pending.contains(ref.slug())
                    && QuestionEntity.count("slug", ref.slug()) == 0) {
                errors.add(new FieldError(at + "related[" + i + "].slug", "no question with slug '" + ref.slug() + "'"));
            }
        }
        return errors;
    }

    /** Serialises the page of a question and hashes it; the cache keeps it for a short while. */
    public RenderedQuestion render(QuestionEntity q) {
        return render(toDocument(q));
    }

    private RenderedQuestion render(QuestionDocument page) {
        try {
            byte[] bytes = json.writeValueAsBytes(page);
            return new RenderedQuestion(page.slug(), bytes, ETags.of(page.version(), bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render question " + page.slug(), e);
        }
    }

    public QuestionDocument toDocument(QuestionEntity q) {
        Map<Integer, List<Rubric.Criterion>> criteria = new LinkedHashMap<>();
        rubrics.current(q.id).forEach((part, rubric) -> criteria.put(part, rubric.criteria));
        return toDocument(q, criteria);
    }

    /**
     * The page of {@code q} judged by {@code criteriaByPart} (0 = the whole question): also the preview of a question
     * that is not stored, or not as it would be.
     */
    public QuestionDocument toDocument(QuestionEntity q, Map<Integer, List<Rubric.Criterion>> criteriaByPart) {
        return toDocument(q, judgedBy(criteriaByPart), relatedRefs(q.relatedIds));
    }

    /** The page of {@code q} with its criteria and related questions already read ({@link PageQuery}). */
    QuestionDocument toDocument(QuestionEntity q, List<QuestionDocument.JudgedBy> criteria,
                                List<QuestionDocument.RelatedRef> related) {
        Guidance g = q.guidance;
        return new QuestionDocument(q.id, q.slug, q.title, q.overview, q.body, q.category, q.difficulty, q.status,
                q.version, q.asks, q.topics, g.interviewerExpects(), g.approach(), g.followUps(), g.constraints(),
                g.clarifyingQuestions(), g.strongAnswerCovers(), g.quickAnswer(), null, teaser(q.sampleAnswer),
                q.parts, criteria, related, null,
                new QuestionDocument.Counters(q.likesCount, q.commentsCount, q.solvedCount), q.createdAt, q.updatedAt);
    }

    /** The rubrics' criteria without their points: what a candidate may know before answering. */
    private static List<QuestionDocument.JudgedBy> judgedBy(Map<Integer, List<Rubric.Criterion>> criteriaByPart) {
        List<QuestionDocument.JudgedBy> criteria = new ArrayList<>();
        new TreeMap<>(criteriaByPart).forEach((part, list) -> {
            for (Rubric.Criterion c : list) {
                criteria.add(new QuestionDocument.JudgedBy(part == RubricService.WHOLE_QUESTION ? null : part,
                        c.key(), c.title(), c.kind(), c.weight()));
            }
        });
        return criteria;
    }

    public List<QuestionDocument.Section> teaser(List<QuestionDocument.Section> sections) {
        if (sections == null) {
            return null;
        }
        int max = config.api().teaserLength();
        return sections.stream().map(s -> new QuestionDocument.Section(s.title(), cut(s.body(), max))).toList();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.lastIndexOf(' ', max);
        return text.substring(0, end > max / 2 ? end : max).stripTrailing() + "...";
    }

    private List<QuestionDocument.RelatedRef> relatedRefs(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, QuestionEntity> byId = QuestionEntity.<QuestionEntity>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull)
                .map(CatalogueService::ref).toList();
    }

    public static QuestionDocument.RelatedRef ref(QuestionEntity e) {
        return new QuestionDocument.RelatedRef(e.slug, e.title, e.difficulty,
                e.asks.stream().map(QuestionDocument.Ask::company).distinct().toList());
    }

    /** {@code asks[0].company} from a Bean Validation path such as {@code asks[0].company} or {@code topics[1].<list element>}. */
    public static String fieldPath(String path) {
        return path.replace(".<list element>", "").replace("<list element>", "");
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

}
