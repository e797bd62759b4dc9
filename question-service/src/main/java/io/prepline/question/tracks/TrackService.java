package io.prepline.question.tracks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.CatalogueService;
import io.prepline.question.catalogue.ETags;
import io.prepline.question.catalogue.QuestionEntity;
import io.prepline.question.search.SearchService;
import io.prepline.question.tracks.TrackModels.ItemRef;
import io.prepline.question.tracks.TrackModels.Track;
import io.prepline.question.tracks.TrackModels.TrackItem;
import io.prepline.question.tracks.TrackModels.TrackList;
import io.prepline.question.tracks.TrackModels.TrackRequest;
import io.prepline.question.tracks.TrackModels.TrackSummary;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/** Learning tracks: reading them, and authors creating, ordering and retiring them. */
@ApplicationScoped
public class TrackService {

    /** The items of a track whose question is active, in order: position, question id, slug, title, part, part title. */
    static final String ITEMS = "SELECT i.position, q.id, q.slug, q.title, i.part_number, "
            + "q.parts -> (i.part_number - 1) ->> 'title' FROM track_item i JOIN question q ON q.id = i.question_id "
            + "WHERE i.track_id = ?1 AND q.status = 'ACTIVE' ORDER BY i.position";

    @Inject
    EntityManager em;
    @Inject
    SearchService search;
    @Inject
    Validator validator;
    @Inject
    QuestionConfig config;
    @Inject
    ObjectMapper json;

    @Transactional
    public TrackList tracks() {
        List<TrackEntity> tracks = TrackEntity.list("status", Sort.by("title"), TrackEntity.ACTIVE);
        return new TrackList(tracks.stream().map(this::summary).toList());
    }

    @Transactional
    public Track track(String slug) {
        return view(require(slug));
    }

    @Transactional
    public Track create(TrackRequest request, String author) {
        return view(insert(UUID.randomUUID(), request, author));
    }

    @Transactional
    public Track replace(String slug, String ifMatch, TrackRequest request) {
        TrackEntity t = lock(slug);
        ETags.requireMatch(ifMatch, t.version, "track");
        List<ResolvedItem> items = check(request, t.slug);
        t.version++;
        write(t, request, items);
        return view(t);
    }

    @Transactional
    public void retire(String slug, String ifMatch) {
        TrackEntity t = lock(slug);
        ETags.requireMatch(ifMatch, t.version, "track");
        if (!TrackEntity.RETIRED.equals(t.status)) {
            t.status = TrackEntity.RETIRED;
            t.version++;
            t.updatedAt = now();
        }
    }

    /** Adds a track of the seed catalogue (its id derived from its slug, so every database has the same). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seed(TrackRequest request) {
        insert(UUID.nameUUIDFromBytes(("track:" + request.slug()).getBytes(StandardCharsets.UTF_8)), request, "seed");
    }

    public TrackEntity require(String slug) {
        return found(TrackEntity.find("slug", slug).firstResult(), slug);
    }

    /** The strong ETag of a track as it is answered. */
    public String etag(Track track) {
        return ETags.of(track.version(), track, json);
    }

    /** The rows of {@link #ITEMS} for a track. */
    List<Object[]> itemRows(TrackEntity t) {
        return em.createNativeQuery(ITEMS).setParameter(1, t.id).getResultList();
    }

    static List<TrackItem> items(List<Object[]> rows) {
        return rows.stream().map(r -> new TrackItem(((Number) r[0]).intValue(), (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5])).toList();
    }

    private TrackEntity lock(String slug) {
        return found(TrackEntity.find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult(), slug);
    }

    private static TrackEntity found(TrackEntity t, String slug) {
        if (t == null) {
            throw ProblemException.notFound("no track with slug '" + slug + "'");
        }
        return t;
    }

    private TrackEntity insert(UUID id, TrackRequest request, String author) {
        List<ResolvedItem> items = check(request, null);
        TrackEntity t = new TrackEntity();
        t.id = id;
        t.status = TrackEntity.ACTIVE;
        t.version = 1;
        t.createdBy = author;
        write(t, request, items);
        return t;
    }

    private Track view(TrackEntity t) {
        List<Object[]> rows = itemRows(t);
        Set<UUID> questions = new LinkedHashSet<>();
        rows.forEach(r -> questions.add((UUID) r[1]));
        return new Track(t.slug, t.title, t.description, t.status, t.version, items(rows),
                search.summaries(List.copyOf(questions)));
    }

    private TrackSummary summary(TrackEntity t) {
        List<TrackItem> items = items(itemRows(t));
        return new TrackSummary(t.slug, t.title, t.description,
                (int) items.stream().map(TrackItem::question).distinct().count(), items.size());
    }

    private void write(TrackEntity t, TrackRequest request, List<ResolvedItem> items) {
        t.slug = request.slug();
        t.title = request.title().strip();
        t.description = request.description().strip();
        t.updatedAt = now();
        t.persist();
        em.flush();
        em.createNativeQuery("DELETE FROM track_item WHERE track_id = ?1").setParameter(1, t.id).executeUpdate();
        for (int i = 0; i < items.size(); i++) {
            em.createNativeQuery("INSERT INTO track_item (track_id, position, question_id, part_number) "
                            + "VALUES (?1, ?2, ?3, ?4)").unwrap(NativeQuery.class)
                    .setParameter(1, t.id).setParameter(2, i + 1).setParameter(3, items.get(i).questionId())
                    .setParameter(4, items.get(i).part(), StandardBasicTypes.INTEGER).executeUpdate();
        }
    }

    private record ResolvedItem(UUID questionId, Integer part) {
    }

    /**
     * Field constraints, the item limit, slug uniqueness, and every item naming an active question (and a part it has)
     * once; as one 400 problem naming each field.
     */
    private List<ResolvedItem> check(TrackRequest request, String currentSlug) {
        if (request == null) {
            throw ProblemException.invalid("$", "a track is required");
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<TrackRequest> v : validator.validate(request)) {
            errors.add(new FieldError(CatalogueService.fieldPath(v.getPropertyPath().toString()), v.getMessage()));
        }
        List<ItemRef> refs = request.items() == null ? List.of() : request.items();
        if (refs.size() > config.tracks().maxItems()) {
            errors.add(new FieldError("items", "must contain at most " + config.tracks().maxItems() + " items"));
        }
        // items are looked up only in a well-formed request of a bounded size
        boolean wellFormed = errors.isEmpty();
        if (request.slug() != null && !request.slug().equals(currentSlug) && TrackEntity.count("slug", request.slug()) > 0) {
            errors.add(new FieldError("slug", "is already used by another track"));
        }
        List<ResolvedItem> items = new ArrayList<>();
        Set<ResolvedItem> seen = new HashSet<>();
        for (int i = 0; i < refs.size() && wellFormed; i++) {
            ResolvedItem item = resolve(refs.get(i), "items[" + i + "]", errors);
            if (item != null && !seen.add(item)) {
                errors.add(new FieldError("items[" + i + "]", "names a question or part already in the track"));
            }
            items.add(item);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the track has invalid fields", errors);
        }
        return items;
    }

    private ResolvedItem resolve(ItemRef ref, String at, List<FieldError> errors) {
        QuestionEntity q = QuestionEntity.findBySlug(ref.question());
        if (q == null || !CatalogueService.ACTIVE.equals(q.status)) {
            errors.add(new FieldError(at + ".question", "no active question with slug '" + ref.question() + "'"));
            return null;
        }
        if (ref.part() != null && ref.part() > q.parts.size()) {
            errors.add(new FieldError(at + ".part", "question '" + ref.question() + "' has no part " + ref.part()));
            return null;
        }
        return new ResolvedItem(q.id, ref.part());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
