package io.prepline.question.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import io.prepline.platform.problem.ProblemException;

/**
 * Opaque keyset position: the sort key and id of the last item of a page, with the sort and filters it belongs to.
 * Pages continue after that position, so inserts never shift or repeat items of later pages.
 */
record Cursor(Sort sort, String filters, String key, UUID id) {

    String encode() {
        String raw = sort.wire() + "|" + filters + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token, Sort sort, Filters filters) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
        if (parts.length != 4 || Sort.parse(parts[0]).isEmpty()) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
        if (Sort.parse(parts[0]).get() != sort || !parts[1].equals(filters.fingerprint())) {
            throw ProblemException.invalid("cursor", "was issued for another sort or other filters; start again without it");
        }
        try {
            return new Cursor(sort, parts[1], parts[2], UUID.fromString(parts[3]));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
    }
}
