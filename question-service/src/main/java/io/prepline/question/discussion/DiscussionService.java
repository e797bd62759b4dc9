package io.prepline.question.discussion;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.prepline.platform.html.MarkdownHtml;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.problem.ProblemType;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Caller;
import io.prepline.question.catalogue.CatalogueChanges;
import io.prepline.question.catalogue.CatalogueService;
import io.prepline.question.catalogue.QuestionEntity;
import io.prepline.question.discussion.DiscussionModels.Comment;
import io.prepline.question.discussion.DiscussionModels.CommentPage;
import io.prepline.question.discussion.DiscussionModels.CommentText;
import io.prepline.question.discussion.DiscussionModels.ModerationNote;
import io.prepline.question.discussion.DiscussionModels.NewComment;
import io.prepline.question.discussion.DiscussionModels.Order;
import io.prepline.question.discussion.DiscussionModels.ReplyPage;
import io.prepline.question.discussion.DiscussionModels.Status;
import io.prepline.question.discussion.DiscussionModels.VoteState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The discussion of each question and part: comments, replies one level deep, upvotes, edits by their writer within
 * the edit window, deletion by their writer, hiding and restoring by authors and admins. Deleting and hiding keep the
 * row, so threads keep their shape; the question's comment counter follows the visible ones (a trigger, migration V7)
 * and every change of it retires the cached page like a like does.
 */
@ApplicationScoped
public class DiscussionService {

    static final String EDIT_WINDOW_CLOSED = "edit-window-closed";
    static final String COMMENT_UNAVAILABLE = "comment-unavailable";
    private static final String WHOLE = "body";

    @Inject
    EntityManager em;
    @Inject
    CatalogueService catalogue;
    @Inject
    CatalogueChanges changes;
    @Inject
    QuestionConfig config;

    @Transactional
    public CommentPage threads(String slug, CommentParams.Request request, Caller caller) {
        QuestionEntity q = catalogue.require(slug);
        int part = part(q, request.part());
        String scope = q.id + "~" + part;
        CommentCursor after = request.cursor() == null ? null
                : CommentCursor.decode(request.cursor(), request.order(), scope);
        String key = request.order() == Order.TOP ? "upvotes" : "created_at";
        List<CommentEntity> rows = comments("SELECT * FROM comment WHERE question_id = :question AND part_number = :part "
                        + "AND parent_id IS NULL" + (after == null ? "" : " AND (" + key + ", id) < (:key, :id)")
                        + " ORDER BY " + key + " DESC, id DESC LIMIT :limit",
                Map.of("question", q.id, "part", part, "limit", request.limit() + 1), after);
        String next = null;
        if (rows.size() > request.limit()) {
            rows = rows.subList(0, request.limit());
            next = CommentCursor.after(request.order(), scope, rows.get(rows.size() - 1)).encode();
        }
        Map<UUID, List<CommentEntity>> replies = firstReplies(rows);
        Set<UUID> voted = votedBy(caller, rows, replies);
        List<Comment> items = rows.stream().map(c -> view(c, q.slug, caller, voted,
                replies.getOrDefault(c.id, List.of()))).toList();
        return new CommentPage(items, next, q.commentsCount);
    }

    /** One comment as this caller may see it; a comment (not a reply) with its first replies. */
    @Transactional
    public Comment comment(String id, Caller caller) {
        CommentEntity c = find(id);
        Map<UUID, List<CommentEntity>> replies = c.reply() ? Map.of() : firstReplies(List.of(c));
        return view(c, slugOf(c), caller, votedBy(caller, List.of(c), replies),
                c.reply() ? null : replies.getOrDefault(c.id, List.of()));
    }

    @Transactional
    public ReplyPage replies(String id, int limit, String cursor, Caller caller) {
        CommentEntity parent = find(id);
        if (parent.reply()) {
            throw ProblemException.notFound("comment " + id + " is a reply; replies have no replies");
        }
        CommentCursor after = cursor == null ? null : CommentCursor.decodeReplies(cursor, parent.id);
        List<CommentEntity> rows = comments("SELECT * FROM comment WHERE parent_id = :parent"
                        + (after == null ? "" : " AND (created_at, id) > (:key, :id)")
                        + " ORDER BY created_at, id LIMIT :limit", Map.of("parent", parent.id, "limit", limit + 1), after);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = CommentCursor.afterReply(rows.get(rows.size() - 1)).encode();
        }
        String slug = slugOf(parent);
        Set<UUID> voted = votedBy(caller, rows, Map.of());
        return new ReplyPage(rows.stream().map(c -> view(c, slug, caller, voted, null)).toList(), next);
    }

    @Transactional
    public Comment post(String slug, NewComment request, Caller caller) {
        QuestionEntity q = catalogue.require(slug);
        if (request == null) {
            throw ProblemException.invalid("$", "must be a comment");
        }
        List<FieldError> errors = new ArrayList<>(CommentRules.check(WHOLE, request.body(), config.discussion()));
        int part = 0;
        try {
            part = part(q, request.part() == null ? null : request.part().toString());
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the comment has invalid fields", errors);
        }
        CommentEntity c = written(q.id, part, null, caller, request.body());
        changes.countersChangedOnCommit(q.slug);
        return view(c, q.slug, caller, Set.of(), List.of());
    }

    /** A reply to a comment, or to a reply: then it joins the same thread, one level deep. */
    @Transactional
    public Comment reply(String id, CommentText request, Caller caller) {
        CommentEntity replied = find(id);
        CommentEntity thread = replied.reply() ? CommentEntity.findById(replied.parentId) : replied;
        if (!replied.visible() || !thread.visible()) {
            throw unavailable("a deleted or hidden comment cannot be replied to");
        }
        String body = requireValid(request);
        // the thread's row before the question's (which the counting trigger updates), as every change of a comment
        // takes them: no two transactions wait for each other's row
        em.createNativeQuery("UPDATE comment SET replies = replies + 1 WHERE id = ?1").setParameter(1, thread.id)
                .executeUpdate();
        CommentEntity c = written(thread.questionId, thread.partNumber, thread.id, caller, body);
        String slug = slugOf(thread);
        changes.countersChangedOnCommit(slug);
        return view(c, slug, caller, Set.of(), null);
    }

    @Transactional
    public Comment edit(String id, CommentText request, Caller caller) {
        CommentEntity c = lock(id);
        requireWriter(c, caller, "edit");
        if (!c.visible()) {
            throw unavailable("a deleted or hidden comment cannot be edited");
        }
        Instant now = now();
        if (now.isAfter(editableUntil(c))) {
            throw new ProblemException(409, EDIT_WINDOW_CLOSED, "Edit window closed", "a comment can be edited for "
                    + config.discussion().editWindow().toMinutes() + " minutes after it was posted", null);
        }
        c.body = requireValid(request);
        c.bodyHtml = MarkdownHtml.renderText(c.body);
        c.editedAt = now;
        return view(c, slugOf(c), caller, votedBy(caller, List.of(c), Map.of()), null);
    }

    /** The writer's deletion: the text goes, the place in the thread stays. Deleting again changes nothing. */
    @Transactional
    public void delete(String id, Caller caller) {
        CommentEntity c = lock(id);
        requireWriter(c, caller, "delete");
        if (c.deletedAt == null) {
            c.deletedAt = now();
            c.body = "";
            c.bodyHtml = "";
            changes.countersChangedOnCommit(slugOf(c));
        }
    }

    /** One upvote per user and comment; upvoting again or withdrawing again changes nothing. */
    @Transactional
    public VoteState vote(String id, boolean up, Caller caller) {
        CommentEntity c = find(id);
        if (up && caller.userId().equals(c.authorId)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "nobody upvotes their own comment", null);
        }
        if (up && !c.visible()) {
            throw unavailable("a deleted or hidden comment cannot be upvoted");
        }
        int changed = em.createNativeQuery(up
                        ? "INSERT INTO comment_vote (comment_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
                        : "DELETE FROM comment_vote WHERE comment_id = ?1 AND user_id = ?2")
                .setParameter(1, c.id).setParameter(2, caller.userId()).executeUpdate();
        if (changed != 0) {
            em.createNativeQuery("UPDATE comment SET upvotes = upvotes + ?1 WHERE id = ?2")
                    .setParameter(1, up ? 1 : -1).setParameter(2, c.id).executeUpdate();
        }
        Number upvotes = (Number) em.createNativeQuery("SELECT upvotes FROM comment WHERE id = ?1").setParameter(1, c.id)
                .getSingleResult();
        return new VoteState(up, upvotes.intValue());
    }

    /** Hides ({@code hidden}) or restores a comment, noting who did it and why; repeating it only renews the note. */
    @Transactional
    public Comment moderate(String id, boolean hidden, String reason, Caller caller) {
        List<FieldError> errors = CommentRules.checkReason("reason", reason, config.discussion());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CommentEntity c = lock(id);
        Instant now = now();
        if (hidden != (c.hiddenAt != null)) {
            c.hiddenAt = hidden ? now : null;
        }
        c.moderatedAt = now;
        c.moderatedBy = caller.userId();
        c.moderationReason = reason.strip();
        String slug = slugOf(c);
        changes.countersChangedOnCommit(slug);
        return view(c, slug, caller, votedBy(caller, List.of(c), Map.of()), null);
    }

    private CommentEntity written(UUID question, int part, UUID parent, Caller caller, String body) {
        CommentEntity c = new CommentEntity();
        c.id = UUID.randomUUID();
        c.questionId = question;
        c.partNumber = part;
        c.parentId = parent;
        c.authorId = caller.userId();
        c.body = body;
        c.bodyHtml = MarkdownHtml.renderText(body);
        c.createdAt = now();
        c.persist();
        return c;
    }

    /** The text of a reply or an edit, or a 400 naming what is wrong with it. */
    private String requireValid(CommentText request) {
        if (request == null) {
            throw ProblemException.invalid("$", "must be a comment");
        }
        List<FieldError> errors = CommentRules.check(WHOLE, request.body(), config.discussion());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the comment has invalid fields", errors);
        }
        return request.body();
    }

    private static void requireWriter(CommentEntity c, Caller caller, String action) {
        if (!c.authorId.equals(caller.userId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only its writer may " + action + " a comment", null);
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(409, COMMENT_UNAVAILABLE, "Comment unavailable", detail, null);
    }

    /** 0 for the question as a whole, or a part the question has; a 400 naming {@code part} otherwise. */
    private static int part(QuestionEntity q, String part) {
        if (part == null) {
            return 0;
        }
        int parts = q.parts == null ? 0 : q.parts.size();
        try {
            int number = Integer.parseInt(part.strip());
            if (number >= 1 && number <= parts) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("part", parts == 0 ? "this question has no parts"
                : "must be a part number from 1 to " + parts);
    }

    private CommentEntity find(String id) {
        CommentEntity c = CommentEntity.findById(parse(id));
        if (c == null) {
            throw notFound(id);
        }
        return c;
    }

    private CommentEntity lock(String id) {
        CommentEntity c = CommentEntity.findById(parse(id), LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw notFound(id);
        }
        return c;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no comment with id '" + id + "'");
    }

    private String slugOf(CommentEntity c) {
        return (String) em.createNativeQuery("SELECT slug FROM question WHERE id = ?1").setParameter(1, c.questionId)
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<CommentEntity> comments(String sql, Map<String, Object> params, CommentCursor after) {
        var query = em.createNativeQuery(sql, CommentEntity.class);
        params.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("key", after.parameter()).setParameter("id", after.id());
        }
        return new ArrayList<>(query.getResultList());
    }

    /** The first replies of each comment that has any, in one query. */
    private Map<UUID, List<CommentEntity>> firstReplies(List<CommentEntity> threads) {
        List<UUID> ids = threads.stream().filter(c -> c.replies > 0).map(c -> c.id).toList();
        Map<UUID, List<CommentEntity>> byThread = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byThread;
        }
        List<CommentEntity> rows = comments("SELECT r.* FROM comment t CROSS JOIN LATERAL (SELECT * FROM comment c "
                + "WHERE c.parent_id = t.id ORDER BY c.created_at, c.id LIMIT :shown) r WHERE t.id IN (:ids)",
                Map.of("shown", config.discussion().repliesShown(), "ids", ids), null);
        rows.forEach(r -> byThread.computeIfAbsent(r.parentId, k -> new ArrayList<>()).add(r));
        return byThread;
    }

    /** Which of these comments the caller upvoted, in one query. */
    @SuppressWarnings("unchecked")
    private Set<UUID> votedBy(Caller caller, List<CommentEntity> comments, Map<UUID, List<CommentEntity>> replies) {
        if (caller.anonymous()) {
            return Set.of();
        }
        List<UUID> ids = new ArrayList<>(comments.stream().map(c -> c.id).toList());
        replies.values().forEach(list -> list.forEach(r -> ids.add(r.id)));
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Object> voted = em.createNativeQuery("SELECT CAST(comment_id AS text) FROM comment_vote "
                        + "WHERE user_id = :user AND comment_id IN (:ids)")
                .setParameter("user", caller.userId()).setParameter("ids", ids).getResultList();
        Set<UUID> out = new HashSet<>();
        voted.forEach(v -> out.add(UUID.fromString(v.toString())));
        return out;
    }

    /** What this caller may see of a comment: the text unless deleted (or hidden, but to authors and admins). */
    private Comment view(CommentEntity c, String slug, Caller caller, Set<UUID> voted, List<CommentEntity> replies) {
        boolean moderator = caller.author() || caller.admin();
        boolean mine = c.authorId.equals(caller.userId());
        Status status = c.status();
        boolean text = status == Status.VISIBLE || status == Status.HIDDEN && moderator;
        ModerationNote note = c.moderatedAt == null || !(moderator || mine) ? null
                : new ModerationNote(c.hiddenAt != null ? Status.HIDDEN : Status.VISIBLE, c.moderationReason,
                        c.moderatedBy, c.moderatedAt);
        Instant until = editableUntil(c);
        return new Comment(c.id, slug, c.partNumber == 0 ? null : c.partNumber, c.parentId, c.authorId, status,
                text ? c.body : null, text ? c.bodyHtml : null, c.upvotes,
                caller.anonymous() ? null : voted.contains(c.id),
                replies == null ? null : c.replies,
                replies == null ? null : replies.stream().map(r -> view(r, slug, caller, voted, null)).toList(),
                c.createdAt, c.editedAt, mine && status == Status.VISIBLE && now().isBefore(until) ? until : null, note);
    }

    private Instant editableUntil(CommentEntity c) {
        return c.createdAt.plus(config.discussion().editWindow());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
