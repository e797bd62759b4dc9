package io.prepline.question.search;

import io.prepline.question.catalogue.Difficulty;

/** Validated catalogue filters; names are already normalised to slugs. Null means "any". */
public record Filters(String q, String company, String role, String category, Difficulty difficulty, String round,
                      String topic) {

    public static final Filters NONE = new Filters(null, null, null, null, null, null, null);

    public boolean hasText() {
        return q != null;
    }

    /** A fingerprint bound into cursors, so a cursor cannot be replayed against other filters. */
    String fingerprint() {
        return Integer.toHexString(java.util.Objects.hash(q, company, role, category, difficulty, round, topic));
    }
}
