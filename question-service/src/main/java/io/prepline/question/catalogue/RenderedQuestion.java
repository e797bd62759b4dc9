package io.prepline.question.catalogue;

import java.util.function.Predicate;

/**
 * A detail page serialised once, with its strong ETag: the content version of the question and a hash of exactly
 * these bytes ({@code "v3.q3JtW1m0..."}). Counters and related titles change the hash but not the version.
 */
public record RenderedQuestion(String slug, byte[] json, String etag) {

    /** True when the If-None-Match header value names this representation. */
    public boolean matches(String header) {
        return anyTag(header, etag::equals);
    }

    /**
     * True when the If-Match header value names any representation of this content version: an author's edit
     * conflicts with other edits, not with likes or solved counts that changed since they read the page.
     */
    public static boolean sameVersion(String header, int version) {
        String prefix = "\"v" + version + ".";
        return anyTag(header, tag -> tag.startsWith(prefix));
    }

    private static boolean anyTag(String header, Predicate<String> names) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || names.test(tag)) {
                return true;
            }
        }
        return false;
    }
}
