package io.prepline.question.discussion;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import io.prepline.platform.http.CursorToken;

/**
 * Keyset position after the last comment of a page: its sort key (upvotes, or the time it was written) and id, bound
 * to the order and the discussion it was issued for (a question and part, or the replies of one comment).
 */
record CommentCursor(String order, String scope, Object key, UUID id) {

    private static final String REPLIES = "replies";

    static CommentCursor after(DiscussionModels.Order order, String scope, CommentEntity last) {
        Object key = order == DiscussionModels.Order.TOP ? (Object) last.upvotes : last.createdAt;
        return new CommentCursor(wire(order), scope, key, last.id);
    }

    static CommentCursor afterReply(CommentEntity last) {
        return new CommentCursor(REPLIES, last.parentId.toString(), last.createdAt, last.id);
    }

    String encode() {
        return CursorToken.encode(order, scope, key, id);
    }

    /** A cursor of a page of threads in {@code order} of {@code scope}, or 400 naming {@code cursor}. */
    static CommentCursor decode(String token, DiscussionModels.Order order, String scope) {
        CursorToken cursor = read(token, wire(order), scope);
        Object key = order == DiscussionModels.Order.TOP ? (Object) (int) cursor.integer(2, 0, Integer.MAX_VALUE)
                : time(cursor);
        return new CommentCursor(wire(order), scope, key, cursor.uuid(3));
    }

    static CommentCursor decodeReplies(String token, UUID parent) {
        CursorToken cursor = read(token, REPLIES, parent.toString());
        return new CommentCursor(REPLIES, parent.toString(), time(cursor), cursor.uuid(3));
    }

    private static CursorToken read(String token, String order, String scope) {
        CursorToken cursor = CursorToken.decode(token, 4);
        if (!cursor.text(0).equals(order) || !cursor.text(1).equals(scope)) {
            throw CursorToken.foreign("another discussion or order");
        }
        return cursor;
    }

    private static OffsetDateTime time(CursorToken cursor) {
        return cursor.instant(2).atOffset(ZoneOffset.UTC);
    }

    /** The key as a query parameter: a count, or a time with its offset. */
    Object parameter() {
        return key instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : key;
    }

    private static String wire(DiscussionModels.Order order) {
        return order.name().toLowerCase(Locale.ROOT);
    }
}
