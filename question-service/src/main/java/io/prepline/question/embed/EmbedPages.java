package io.prepline.question.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.platform.html.MarkdownHtml;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.CatalogueCache;
import io.prepline.question.catalogue.CatalogueChanges;
import io.prepline.question.catalogue.CatalogueService;
import io.prepline.question.catalogue.Difficulty;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.catalogue.RenderedQuestion;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The embeddable page of a question: title, where it was asked, overview, the question and its parts (markdown
 * rendered and sanitised, without images), what the interviewer expects, topics, follow-ups and a link to answer it
 * on the platform. Its CSS and its one script are inline and allowed by hash, so the page requests nothing from
 * anywhere; the script tells the partner's page its height.
 */
@ApplicationScoped
public class EmbedPages {

    public static final String PATH = "/embed/v1/questions/";

    @Inject
    CatalogueService catalogue;
    @Inject
    CatalogueChanges changes;
    @Inject
    ObjectMapper json;
    @Inject
    QuestionConfig config;

    private CatalogueCache<String, EmbedPage> pages;
    private String css;
    private String script;
    private String policy;
    private String embedScript;

    @PostConstruct
    void load() {
        pages = CatalogueCache.pages(changes, config.embed().cacheSize());
        css = resource("embed/page.css");
        script = resource("embed/page.js");
        embedScript = resource("embed/embed.js");
        policy = "default-src 'none'; style-src '" + sha256(css) + "'; script-src '" + sha256(script)
                + "'; base-uri 'none'; form-action 'none'; frame-ancestors ";
    }

    /** embed.js, which partners' pages load to embed questions. */
    public String embedScript() {
        return embedScript;
    }

    /** The embed address of a question, with the publishable key when there is one. */
    public static String embedUrl(String baseUrl, String slug, String key) {
        return baseUrl + PATH + slug + (key == null ? "" : "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** The cached page, or null when it must be rendered. */
    public EmbedPage cached(String slug) {
        return pages.cached(slug);
    }

    /** The page of a question (404 problem when there is none), rendered once per change of the catalogue. */
    public EmbedPage page(String slug) {
        return pages.get(slug, this::render);
    }

    /** Content-Security-Policy of a page framed by {@code origins} (none: it may not be framed). */
    public String securityPolicy(Set<String> origins) {
        return policy + (origins == null || origins.isEmpty() ? "'none'" : String.join(" ", origins));
    }

    private EmbedPage render(String slug) {
        QuestionDocument q = document(catalogue.detail(slug));
        String head = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"color-scheme\" content=\"light dark\">\n"
                + "<title>" + Html.escape(q.title()) + "</title>\n<base target=\"_blank\">\n"
                + "<style>" + css + "</style>\n";
        StringBuilder body = new StringBuilder("</head>\n<body>\n<main aria-labelledby=\"question-title\">\n<header>\n")
                .append("<p class=\"kicker\">Interview question</p>\n")
                .append("<h1 id=\"question-title\">").append(Html.escape(q.title())).append("</h1>\n");
        asks(body, q);
        body.append("</header>\n<p class=\"overview\">").append(Html.escape(q.overview())).append("</p>\n");
        section(body, "question", "Question", MarkdownHtml.renderText(q.body()));
        parts(body, q.parts());
        section(body, "expects", "What the interviewer expects", list(q.interviewerExpects(), ""));
        section(body, "topics", "Key topics", list(q.topics(), "chips"));
        section(body, "follow-ups", "Follow-up questions", list(q.followUps(), ""));
        body.append("</main>\n<footer>\n<a class=\"answer\" href=\"")
                .append(Html.escape(config.embed().answerUrl().replace("{slug}", slug)))
                .append("\">Answer this question on Prepline</a>\n</footer>\n<script>").append(script)
                .append("</script>\n</body>\n</html>\n");
        return new EmbedPage(slug, q.title(), head, body.toString());
    }

    private static void asks(StringBuilder out, QuestionDocument q) {
        out.append("<ul class=\"asks\" aria-label=\"Where it was asked\">\n");
        for (QuestionDocument.Ask ask : q.asks() == null ? List.<QuestionDocument.Ask>of() : q.asks()) {
            out.append("<li><strong>").append(Html.escape(ask.company())).append("</strong>");
            for (String detail : new String[] {ask.role(), ask.round()}) {
                if (detail != null && !detail.isBlank()) {
                    out.append(" · ").append(Html.escape(detail));
                }
            }
            Difficulty difficulty = ask.difficulty() != null ? ask.difficulty() : q.difficulty();
            out.append(" ").append(badge(difficulty)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static String badge(Difficulty difficulty) {
        if (difficulty == null) {
            return "";
        }
        String name = difficulty.name().toLowerCase(java.util.Locale.ROOT);
        return "<span class=\"badge " + name + "\">" + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + "</span>";
    }

    private static void parts(StringBuilder out, List<QuestionDocument.Part> parts) {
        if (parts == null || parts.isEmpty()) {
            return;
        }
        StringBuilder items = new StringBuilder();
        for (QuestionDocument.Part part : parts) {
            items.append("<h3>Part ").append(part.number()).append(": ").append(Html.escape(part.title()))
                    .append("</h3>\n").append(MarkdownHtml.renderText(part.prompt())).append('\n');
        }
        section(out, "parts", "Parts", items.toString());
    }

    private static String list(List<String> items, String cssClass) {
        if (items == null || items.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(cssClass.isEmpty() ? "<ul>\n" : "<ul class=\"" + cssClass + "\">\n");
        for (String item : items) {
            out.append("<li>").append(inline(item)).append("</li>\n");
        }
        return out.append("</ul>\n").toString();
    }

    /** A one-line markdown item without its paragraph. */
    private static String inline(String markdown) {
        String html = MarkdownHtml.renderText(markdown).strip();
        return html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0
                ? html.substring(3, html.length() - 4) : html;
    }

    private static void section(StringBuilder out, String id, String heading, String content) {
        if (content == null || content.isBlank()) {
            return;
        }
        out.append("<section aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">")
                .append(heading).append("</h2>\n").append(content).append("</section>\n");
    }

    private QuestionDocument document(RenderedQuestion page) {
        try {
            return json.readValue(page.json(), QuestionDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a rendered page is not a question document", e);
        }
    }

    /** An inline resource of the page, as the hash the Content-Security-Policy allows. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = EmbedPages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
