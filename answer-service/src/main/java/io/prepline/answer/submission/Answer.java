package io.prepline.answer.submission;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One revision of a candidate's answer to a question (or one part of it), with its machine score and decision.
 * Status and decision columns change only through conditional updates, so concurrent writers cannot both win.
 */
@Entity
@Table(name = "answer")
public class Answer extends PanacheEntityBase {

    public enum Status { SUBMITTED, SCORED, NEEDS_REVIEW, APPROVED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "question_id")
    public UUID questionId;
    @Column(name = "question_slug")
    public String questionSlug;
    public Integer part;
    public int revision;
    public String body;
    public String status;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    public Integer overall;
    public Double confidence;
    public String verdict;
    @Column(name = "scorer_version")
    public String scorerVersion;
    @Column(name = "rubric_version")
    public Integer rubricVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public String score;
    @Column(name = "scored_at")
    public Instant scoredAt;
    public String decision;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "review_reason")
    public String reviewReason;
    @Column(name = "rescore_requested_at")
    public Instant rescoreRequestedAt;
    /** The rubric version a pending re-score waits for (null: any score for the same or a newer rubric). */
    @Column(name = "rescore_rubric_version")
    public Integer rescoreRubricVersion;
    public long version;
}
