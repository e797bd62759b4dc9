package io.prepline.answer.review;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * An answer's markdown as HTML a reviewer's browser can show: rendered with commonmark, then sanitised with the OWASP
 * policy (formatting, blocks, lists, tables, code, links and images with http, https or mailto only). Scripts, event
 * handlers, styles and {@code javascript:} URLs never survive, whatever the markdown or raw HTML in it.
 */
public final class MarkdownHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES).and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "del").toFactory());

    private MarkdownHtml() {
    }

    public static String render(String markdown) {
        if (markdown == null) {
            return null;
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }
}
