package io.prepline.question.catalogue;

/**
 * A detail page serialised once, with its strong ETag: the content version of the question and a hash of exactly
 * these bytes ({@code "v3.q3JtW1m0..."}). Counters and related titles change the hash but not the version.
 */
public record RenderedQuestion(String slug, int version, byte[] json, String etag) {

    /** True when the If-None-Match header value names this representation. */
    public boolean matches(String header) {
        return anyTag(header, etag);
    }

    /**
     * True when the If-Match header value names any representation of this content version: an author's edit
     * conflicts with other edits, not with likes or solved counts that changed since they read the page.
     */
    public boolean sameVersion(String header) {
        return anyTag(header, "\"v" + version + ".");
    }

    private static boolean anyTag(String header, String prefix) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
