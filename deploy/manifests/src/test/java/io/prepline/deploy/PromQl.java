package io.prepline.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads (histogram and summary series under their base name). */
final class PromQl {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metrics(String expression) {
        String bare = LABEL_LISTS.matcher(MATCHERS_AND_RANGES.matcher(STRINGS.matcher(expression).replaceAll(""))
                .replaceAll("")).replaceAll("");
        Set<String> metrics = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String name = m.group(1);
            boolean function = m.group(2) != null;
            if (!function && !KEYWORDS.contains(name.toLowerCase())) {
                metrics.add(name.replaceFirst("_(bucket|count|sum)$", ""));
            }
        }
        return metrics;
    }
}
