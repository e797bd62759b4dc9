package io.prepline.platform.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The OWASP XSS filter-evasion cheat sheet's vectors, as raw HTML and inside markdown, never survive. */
class MarkdownHtmlTest {

    /** An attribute whose value is (or, entity-decoded, could be) a script URL. */
    static final java.util.regex.Pattern DANGEROUS_URL = java.util.regex.Pattern.compile(
            "<[^>]*\\s[a-z-]+\\s*=\\s*\"[^\"]*(javascript|vbscript|&#|data:)[^>]*>");

    static final List<String> VECTORS = List.of(
            "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
            "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=javascript:alert('XSS')>",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
            "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
            "<a onmouseover=alert(document.cookie)>xxs link</a>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<IMG SRC=# onmouseover=\"alert('xxs')\">",
            "<IMG SRC= onmouseover=\"alert('xxs')\">",
            "<IMG onmouseover=\"alert('xxs')\">",
            "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
            "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
            "<IMG SRC=\"jav\tascript:alert('XSS');\">",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
            "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
            "<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>",
            "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
            "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
            "<SCRIPT SRC=https://xss.example/xss.js?< B >",
            "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
            "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
            "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
            "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
            "<IMG DYNSRC=\"javascript:alert('XSS')\">",
            "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
            "<svg/onload=alert('XSS')>",
            "<BODY ONLOAD=alert('XSS')>",
            "<BGSOUND SRC=\"javascript:alert('XSS');\">",
            "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
            "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
            "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
            "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
            "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
            "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
            "<DIV STYLE=\"width: expression(alert('XSS'));\">",
            "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
            "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.example/scriptlet.html\"></OBJECT>",
            "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<details open ontoggle=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "[a](javascript:alert(1))",
            "[a](JaVaScRiPt:alert(1))",
            "[a](javascript&#58;alert(1))",
            "![a](javascript:alert(1))",
            "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<javascript:alert(1)>",
            "[a]: javascript:alert(1)\n\n[x][a]");

    @Test
    void noVectorLeavesAScriptAnEventHandlerOrADangerousUrl() {
        for (String vector : VECTORS) {
            for (String markdown : List.of(vector, "Text before.\n\n" + vector + "\n\nText after.", "* " + vector)) {
                assertSafe(vector, MarkdownHtml.renderText(markdown).toLowerCase(Locale.ROOT));
                String html = MarkdownHtml.render(markdown).toLowerCase(Locale.ROOT);
                assertFalse(html.contains("<script"), () -> vector + " -> " + html);
                assertFalse(html.matches("(?s).*<[^>]*\\son[a-z]+\\s*=.*"), () -> vector + " -> " + html);
                // text may mention "javascript:" (it is escaped text then); no attribute may carry such a URL
                assertFalse(DANGEROUS_URL.matcher(html).find(), () -> vector + " -> " + html);
                assertFalse(html.contains("href=\"data:") || html.contains("src=\"data:"), () -> vector + " -> " + html);
                for (String tag : List.of("<iframe", "<object", "<embed", "<style", "<link", "<meta", "<svg", "<body",
                        "<frame", "<input", "<bgsound", "<math", "<details")) {
                    assertFalse(html.contains(tag), () -> vector + " -> " + html);
                }
                assertFalse(html.contains("style="), () -> vector + " -> " + html);
            }
        }
    }

    private static void assertSafe(String vector, String html) {
        assertFalse(html.contains("<script") || html.contains("style=") || html.contains("<iframe"),
                () -> vector + " -> " + html);
        assertFalse(html.matches("(?s).*<[^>]*\\son[a-z]+\\s*=.*"), () -> vector + " -> " + html);
        assertFalse(DANGEROUS_URL.matcher(html).find(), () -> vector + " -> " + html);
    }

    @Test
    void textOnlyHtmlKeepsLinksAndDropsImagesSoThePageRequestsNothing() {
        String markdown = "See ![a chart](https://images.example/chart.png) and [the paper](https://arxiv.org/abs/1506.02626).";
        assertTrue(MarkdownHtml.render(markdown).contains("<img"));
        String text = MarkdownHtml.renderText(markdown);
        assertFalse(text.contains("<img") || text.contains("images.example"), text);
        assertTrue(text.contains("href=\"https://arxiv.org/abs/1506.02626\""), text);
    }

    @Test
    void ordinaryMarkdownKeepsItsFormattingCodeTablesAndSafeLinks() {
        String html = MarkdownHtml.render("""
                # Pruning

                **Magnitude** pruning removes *small* weights; see [the paper](https://arxiv.org/abs/1506.02626).

                ```python
                mask = abs(w) > t
                ```

                1. train
                2. prune
                """);
        assertTrue(html.contains("<h1>Pruning</h1>"), html);
        assertTrue(html.contains("<strong>Magnitude</strong>"), html);
        assertTrue(html.contains("<em>small</em>"), html);
        assertTrue(html.contains("href=\"https://arxiv.org/abs/1506.02626\""), html);
        assertTrue(html.contains("<pre><code"), html);
        assertTrue(html.contains("mask &#61; abs(w) &gt; t") || html.contains("mask = abs(w) &gt; t"), html);
        assertTrue(html.contains("<ol>"), html);
    }
}
