package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Turns a markdown answer into the units the scorer matches against rubric points: sentences, list items, headings,
 * table rows, and code blocks and formulas kept whole. Only Text and Code nodes contribute words; raw HTML is ignored.
 */
final class MarkdownSegmenter {

    enum Kind { SENTENCE, LIST_ITEM, HEADING, TABLE_ROW, CODE, FORMULA }

    /** @param words number of words (letters or digits) in the unit */
    record Unit(String text, Kind kind, int words) {
        boolean prose() {
            return kind == Kind.SENTENCE || kind == Kind.LIST_ITEM || kind == Kind.TABLE_ROW;
        }
    }

    /** @param truncated true when the answer had more units (or characters) than the limits allow */
    record Segmented(List<Unit> units, boolean truncated) {
    }

    // Parser instances are immutable once built and safe to share between threads.
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_SPACE = Pattern.compile("\\S+");
    private static final Pattern INLINE_MATH = Pattern.compile("\\$[^$\\n]{1,400}\\$");
    private static final Pattern BOUNDARY = Pattern.compile("([.!?]+)[\"')\\]]*\\s+");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "cf", "eg", "ie", "mr", "mrs",
            "dr", "fig", "no", "approx", "al", "resp");
    /** Longest unit handed to the sentence model (MiniLM reads at most 128 word pieces). */
    static final int MAX_UNIT_WORDS = 60;

    private final int maxUnits;
    private final int maxChars;

    MarkdownSegmenter(int maxUnits, int maxChars) {
        this.maxUnits = maxUnits;
        this.maxChars = maxChars;
    }

    Segmented segment(String markdown) {
        String source = markdown == null ? "" : markdown;
        boolean truncated = false;
        if (source.length() > maxChars) {
            source = source.substring(0, maxChars);
            truncated = true;
        }
        List<Unit> units = new ArrayList<>();
        walkBlocks(PARSER.parse(source), units, false);
        if (units.size() > maxUnits) {
            units = new ArrayList<>(units.subList(0, maxUnits));
            truncated = true;
        }
        return new Segmented(List.copyOf(units), truncated);
    }

    private void walkBlocks(Node parent, List<Unit> out, boolean inListItem) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                addProse(inlineText(node), inListItem ? Kind.LIST_ITEM : Kind.SENTENCE, out);
            } else if (node instanceof Heading) {
                addWhole(inlineText(node), Kind.HEADING, out);
            } else if (node instanceof FencedCodeBlock code) {
                addWhole(code.getLiteral(), Kind.CODE, out);
            } else if (node instanceof IndentedCodeBlock code) {
                addWhole(code.getLiteral(), Kind.CODE, out);
            } else if (node instanceof ListItem) {
                walkBlocks(node, out, true);
            } else if (node instanceof ListBlock || node instanceof BlockQuote) {
                walkBlocks(node, out, inListItem);
            } else if (node instanceof TableBlock) {
                walkTable(node, out);
            } else if (!(node instanceof HtmlBlock)) {
                walkBlocks(node, out, inListItem);
            }
        }
    }

    private void walkTable(Node table, List<Unit> out) {
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        String text = inlineText(cell).trim();
                        if (!text.isEmpty()) {
                            cells.add(text);
                        }
                    }
                    addWhole(String.join(" | ", cells), Kind.TABLE_ROW, out);
                }
            }
        }
    }

    private static String inlineText(Node node) {
        StringBuilder sb = new StringBuilder();
        appendInline(node, sb);
        return SPACES.matcher(sb).replaceAll(" ").trim();
    }

    private static void appendInline(Node parent, StringBuilder sb) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                sb.append(text.getLiteral());
            } else if (node instanceof Code code) {
                sb.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                sb.append(' ');
            } else if (!(node instanceof HtmlInline)) {
                appendInline(node, sb);
            }
        }
    }

    private static void addWhole(String text, Kind kind, List<Unit> out) {
        String trimmed = text == null ? "" : text.strip();
        int words = countWords(trimmed);
        if (words > 0) {
            out.add(new Unit(trimmed, kind, words));
        }
    }

    private static void addProse(String text, Kind kind, List<Unit> out) {
        String trimmed = text.strip();
        if (trimmed.startsWith("$$") && trimmed.endsWith("$$") && trimmed.length() > 4) {
            addWhole(trimmed, Kind.FORMULA, out);
            return;
        }
        for (String sentence : sentences(trimmed)) {
            List<String> words = words(sentence);
            if (words.size() <= MAX_UNIT_WORDS) {
                addWhole(sentence, kind, out);
            } else {
                // a run-on sentence: cut it into model-sized pieces at word boundaries
                for (int i = 0; i < words.size(); i += MAX_UNIT_WORDS) {
                    addWhole(String.join(" ", words.subList(i, Math.min(words.size(), i + MAX_UNIT_WORDS))), kind, out);
                }
            }
        }
    }

    /** Sentence boundaries: terminal punctuation followed by space, not after an abbreviation, not inside $math$. */
    static List<String> sentences(String text) {
        StringBuilder masked = new StringBuilder(text);
        Matcher math = INLINE_MATH.matcher(text);
        while (math.find()) {
            for (int i = math.start(); i < math.end(); i++) {
                if (masked.charAt(i) == '.' || masked.charAt(i) == '!' || masked.charAt(i) == '?') {
                    masked.setCharAt(i, '_');
                }
            }
        }
        List<String> result = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(masked);
        int start = 0;
        while (m.find()) {
            String before = masked.substring(start, m.start(1));
            int space = Math.max(before.lastIndexOf(' '), -1);
            String lastWord = before.substring(space + 1).toLowerCase();
            boolean abbreviation = ABBREVIATIONS.contains(lastWord) || (lastWord.length() == 1 && Character.isLetter(
                    lastWord.charAt(0)) && m.group(1).equals("."));
            if (!abbreviation) {
                String sentence = text.substring(start, m.end()).strip();
                if (!sentence.isEmpty()) {
                    result.add(sentence);
                }
                start = m.end();
            }
        }
        String rest = text.substring(start).strip();
        if (!rest.isEmpty()) {
            result.add(rest);
        }
        return result;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = NON_SPACE.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static int countWords(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
