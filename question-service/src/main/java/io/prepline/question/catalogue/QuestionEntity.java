package io.prepline.question.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A question page. Counters are only changed by atomic SQL increments, never written back from here. */
@Entity
@Table(name = "question")
@DynamicUpdate
public class QuestionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String title;
    public String overview;
    public String body;
    public String category;
    @Column(name = "category_slug")
    public String categorySlug;
    @Enumerated(EnumType.STRING)
    public Difficulty difficulty;
    public String status;
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<QuestionDocument.Ask> asks;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ask_keys")
    public List<Map<String, String>> askKeys;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> topics;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "topic_slugs")
    public List<String> topicSlugs;
    @JdbcTypeCode(SqlTypes.JSON)
    public Guidance guidance;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sample_answer")
    public List<QuestionDocument.Section> sampleAnswer;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<QuestionDocument.Part> parts;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_ids")
    public List<UUID> relatedIds;
    @Column(name = "likes_count", updatable = false)
    public int likesCount;
    @Column(name = "comments_count", updatable = false)
    public int commentsCount;
    @Column(name = "solved_count", updatable = false)
    public int solvedCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static QuestionEntity findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    /** A transient copy, to show a change before it is made; never persisted. */
    public QuestionEntity copy() {
        QuestionEntity c = new QuestionEntity();
        c.id = id;
        c.slug = slug;
        c.title = title;
        c.overview = overview;
        c.body = body;
        c.category = category;
        c.categorySlug = categorySlug;
        c.difficulty = difficulty;
        c.status = status;
        c.version = version;
        c.asks = asks;
        c.askKeys = askKeys;
        c.topics = topics;
        c.topicSlugs = topicSlugs;
        c.guidance = guidance;
        c.sampleAnswer = sampleAnswer;
        c.parts = parts;
        c.relatedIds = relatedIds;
        c.likesCount = likesCount;
        c.commentsCount = commentsCount;
        c.solvedCount = solvedCount;
        c.createdAt = createdAt;
        c.updatedAt = updatedAt;
        return c;
    }

    /** Copies the author-owned content of a document; parts lose their rubrics (stored as rubric versions). */
    public void apply(QuestionDocument doc) {
        slug = doc.slug();
        title = doc.title().strip();
        overview = doc.overview().strip();
        body = doc.body();
        category = doc.category().strip();
        categorySlug = Slugs.of(category);
        difficulty = doc.difficulty();
        asks = List.copyOf(doc.asks());
        askKeys = asks.stream().map(QuestionEntity::askKey).toList();
        topics = orEmpty(doc.topics()).stream().map(String::strip).distinct().toList();
        topicSlugs = topics.stream().map(Slugs::of).filter(Objects::nonNull).distinct().toList();
        guidance = new Guidance(orEmpty(doc.interviewerExpects()), orEmpty(doc.approach()), orEmpty(doc.followUps()),
                orEmpty(doc.constraints()), orEmpty(doc.clarifyingQuestions()), orEmpty(doc.strongAnswerCovers()),
                doc.quickAnswer());
        sampleAnswer = doc.sampleAnswer() == null || doc.sampleAnswer().isEmpty() ? null : List.copyOf(doc.sampleAnswer());
        parts = orEmpty(doc.parts()).stream()
                .map(p -> new QuestionDocument.Part(p.number(), p.title(), p.prompt(), null)).toList();
    }

    private static Map<String, String> askKey(QuestionDocument.Ask ask) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("company", Slugs.of(ask.company()));
        if (Slugs.of(ask.role()) != null) {
            key.put("role", Slugs.of(ask.role()));
        }
        if (Slugs.of(ask.round()) != null) {
            key.put("round", Slugs.of(ask.round()));
        }
        return key;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : new ArrayList<>(list);
    }
}
