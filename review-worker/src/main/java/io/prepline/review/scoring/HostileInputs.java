package io.prepline.review.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers built to hurt a scorer, each about {@code chars} long: deep nesting of quotes, lists and emphasis, one
 * enormous word, nothing but punctuation or emoji, right-to-left script, NUL and control characters, and thousands of
 * one-word lines. The unit tests score each; the scoring benchmark times each.
 */
public final class HostileInputs {

    private HostileInputs() {
    }

    public static Map<String, String> all(int chars) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("nested-quotes", ">".repeat(chars - 20) + " pruning removes weights");
        out.put("nested-lists", nestedLists(chars));
        out.put("nested-emphasis", "*".repeat(chars / 2 - 12) + "pruning" + "*".repeat(chars / 2 - 12));
        out.put("nested-alternating", "*a _b ".repeat(chars / 6));
        out.put("nested-links", "[".repeat(chars / 2) + "pruning" + "](x)".repeat(chars / 8));
        out.put("one-long-word", "a".repeat(chars));
        out.put("punctuation", ".,;:!?-()[]{}'\"".repeat(chars / 15));
        out.put("emoji", "\uD83D\uDE00\uD83D\uDE80\u2764\uFE0F ".repeat(chars / 7));
        out.put("right-to-left", "\u0627\u0644\u062A\u0642\u0644\u064A\u0645 \u064A\u0632\u064A\u0644 "
                .repeat(chars / 12));
        out.put("control-characters", "\u0000\u0001\u0007\u001B\u200B\u202E ".repeat(chars / 7));
        out.put("one-word-lines", oneWordLines(chars));
        out.put("abbreviations", "e.g. i.e. etc. vs. ".repeat(chars / 19));
        out.put("inline-math", "$x$ ".repeat(chars / 4));
        return out;
    }

    private static String nestedLists(int chars) {
        StringBuilder sb = new StringBuilder();
        for (int depth = 0; sb.length() < chars; depth++) {
            sb.append("  ".repeat(depth % 100)).append("- item ").append(depth).append('\n');
        }
        return sb.substring(0, chars);
    }

    private static String oneWordLines(int chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < chars - 12; i++) {
            sb.append("- w").append(Integer.toString(i, 36)).append('\n');
        }
        return sb.toString();
    }
}
