package io.prepline.question.search;

import java.util.UUID;

import io.prepline.platform.http.CursorToken;

/**
 * Opaque keyset position: the sort key and id of the last item of a page, with the sort and filters it belongs to.
 * Pages continue after that position, so inserts never shift or repeat items of later pages. The key is checked
 * against its sort's type when the cursor comes back (a time, a count, a rank), so an edited cursor is a 400.
 */
record Cursor(Sort sort, String filters, String key, UUID id) {

    String encode() {
        return CursorToken.encode(sort.wire(), filters, key, id);
    }

    static Cursor decode(String token, Sort sort, Filters filters) {
        CursorToken cursor = CursorToken.decode(token, 4);
        Sort issuedFor = Sort.parse(cursor.text(0)).orElseThrow(CursorToken::invalid);
        if (issuedFor != sort || !cursor.text(1).equals(filters.fingerprint())) {
            throw CursorToken.foreign("another sort or other filters");
        }
        return new Cursor(sort, cursor.text(1), key(cursor, sort), cursor.uuid(3));
    }

    /** The sort key, written back in the one form the query's cast reads. */
    private static String key(CursorToken cursor, Sort sort) {
        return switch (sort) {
            case RECENT -> cursor.instant(2).toString();
            case RELEVANCE -> Double.toString(cursor.decimal(2, 0, Float.MAX_VALUE));
            case POPULAR, SOLVED -> Long.toString(cursor.integer(2, 0, Integer.MAX_VALUE));
        };
    }
}
