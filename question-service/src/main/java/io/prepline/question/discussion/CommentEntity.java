package io.prepline.question.discussion;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A comment or a reply. Counters (upvotes, replies) move only by atomic SQL increments, never written back from here;
 * the question's comment counter follows {@link #visible()} through a database trigger.
 */
@Entity
@Table(name = "comment")
@DynamicUpdate
public class CommentEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "question_id")
    public UUID questionId;
    @Column(name = "part_number")
    public int partNumber;
    @Column(name = "parent_id")
    public UUID parentId;
    @Column(name = "author_id")
    public String authorId;
    public String body;
    @Column(name = "body_html")
    public String bodyHtml;
    @Column(updatable = false)
    public int upvotes;
    @Column(updatable = false)
    public int replies;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "hidden_at")
    public Instant hiddenAt;
    @Column(name = "moderated_at")
    public Instant moderatedAt;
    @Column(name = "moderated_by")
    public String moderatedBy;
    @Column(name = "moderation_reason")
    public String moderationReason;

    public boolean visible() {
        return deletedAt == null && hiddenAt == null;
    }

    public boolean reply() {
        return parentId != null;
    }

    public DiscussionModels.Status status() {
        if (deletedAt != null) {
            return DiscussionModels.Status.DELETED;
        }
        return hiddenAt != null ? DiscussionModels.Status.HIDDEN : DiscussionModels.Status.VISIBLE;
    }
}
