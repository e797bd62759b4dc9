package io.prepline.question.catalogue;

/** A detail page serialised once, with its strong ETag (a hash of exactly these bytes). */
public record RenderedQuestion(String slug, byte[] json, String etag, long expiresAtNanos) {

    public boolean fresh(long now) {
        return now - expiresAtNanos < 0;
    }

    /** True when the If-Match / If-None-Match header value names this representation. */
    public boolean matches(String header) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
