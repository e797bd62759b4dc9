package io.prepline.question.embed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A question rendered as a self-contained HTML page, cached until the catalogue changes. The oEmbed discovery link is
 * the only part that depends on the request (this service's address and the partner's key), so it is put between the
 * two cached halves per request.
 */
public record EmbedPage(String slug, String title, String head, String body) {

    /** The whole page, with the oEmbed discovery link for the embed's own address. */
    public String html(String baseUrl, String key) {
        String oembed = baseUrl + "/oembed?url=" + URLEncoder.encode(EmbedPages.embedUrl(baseUrl, slug, key),
                StandardCharsets.UTF_8) + "&format=json";
        return head + "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + Html.escape(oembed)
                + "\" title=\"" + Html.escape(title) + "\">\n" + body;
    }
}
