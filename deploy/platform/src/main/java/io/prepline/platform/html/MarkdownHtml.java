package io.prepline.platform.html;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown written by users or authors as HTML a browser can show: rendered with commonmark, then sanitised with the
 * OWASP policy (formatting, blocks, lists, tables, code, links with http, https or mailto only). Scripts, event
 * handlers, styles and {@code javascript:} URLs never survive, whatever the markdown or raw HTML in it.
 */
public final class MarkdownHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();
    private static final PolicyFactory TEXT = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES).and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "del").toFactory());
    private static final PolicyFactory WITH_IMAGES = TEXT.and(Sanitizers.IMAGES);

    private MarkdownHtml() {
    }

    /** Text, links and images (a reviewer's page). */
    public static String render(String markdown) {
        return sanitise(markdown, WITH_IMAGES);
    }

    /** Text and links only: the page makes no request of its own (an embedded page). */
    public static String renderText(String markdown) {
        return sanitise(markdown, TEXT);
    }

    private static String sanitise(String markdown, PolicyFactory policy) {
        if (markdown == null) {
            return null;
        }
        return policy.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }
}
