package io.prepline.question.drafts;

import java.time.Instant;
import java.util.UUID;

import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.rubric.RubricModels;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved, unpublished question or change of one (its document and/or its rubrics). */
@Entity
@Table(name = "question_draft")
public class DraftEntity extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    public UUID id;
    /** The question changed, or null for a new question. */
    @Column(name = "question_id")
    public UUID questionId;
    @Column(name = "base_version")
    public Integer baseVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public QuestionDocument document;
    @JdbcTypeCode(SqlTypes.JSON)
    public RubricModels.RubricUpdate rubrics;
    public String status;
    public int revision;
    @Column(name = "published_version")
    public Integer publishedVersion;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isNew() {
        return questionId == null;
    }
}
