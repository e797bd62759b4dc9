package io.prepline.review.scoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
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

    /** @param truncated true when the answer had more characters than the limit allows */
    record Segmented(List<Unit> units, boolean truncated) {
    }

    // Parser instances are immutable once built and safe to share between threads.
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_SPACE = Pattern.compile("\\S+");
    private static final Pattern DELIMITER_RUN = Pattern.compile("([*_~\\[\\]])\\1{3,}");
    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern MARKUP = Pattern.compile("[*_~\\[\\]()>#`|]+");
    private static final Pattern INLINE_MATH = Pattern.compile("\\$[^$\\n]{1,400}\\$");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "cf", "eg", "ie", "mr", "mrs",
            "dr", "fig", "no", "approx", "al", "resp");
    /** Longest unit handed to the sentence model (MiniLM reads at most 128 word pieces). */
    static final int MAX_UNIT_WORDS = 60;

    private final int maxChars;

    MarkdownSegmenter(int maxChars) {
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
        try {
            walkBlocks(PARSER.parse(tame(source)), units);
        } catch (StackOverflowError e) {
            // the markdown parser recurses on some nestings; such an answer is read as plain lines instead
            units.clear();
            for (String line : LINES.split(source)) {
                addProse(MARKUP.matcher(line).replaceAll(" "), Kind.SENTENCE, units);
            }
        }
        return new Segmented(List.copyOf(units), truncated);
    }

    /**
     * Runs of more than three of the same emphasis or bracket character mean nothing more than three do, but nest the
     * parser's work: they are shortened to three before parsing.
     */
    static String tame(String markdown) {
        return DELIMITER_RUN.matcher(markdown).replaceAll("$1$1$1");
    }

    /** A block and whether it sits inside a list item. */
    private record Open(Node node, boolean inListItem) {
    }

    /**
     * Depth-first over the block tree with an explicit stack: quotes and lists nested thousands deep cannot overflow
     * the thread's stack.
     */
    private void walkBlocks(Node root, List<Unit> out) {
        Deque<Open> stack = new ArrayDeque<>();
        pushChildren(stack, root, false);
        while (!stack.isEmpty()) {
            Open open = stack.pop();
            Node node = open.node();
            if (node instanceof Paragraph) {
                addProse(inlineText(node), open.inListItem() ? Kind.LIST_ITEM : Kind.SENTENCE, out);
            } else if (node instanceof Heading) {
                addWhole(inlineText(node), Kind.HEADING, out);
            } else if (node instanceof FencedCodeBlock code) {
                addWhole(code.getLiteral(), Kind.CODE, out);
            } else if (node instanceof IndentedCodeBlock code) {
                addWhole(code.getLiteral(), Kind.CODE, out);
            } else if (node instanceof TableBlock) {
                walkTable(node, out);
            } else if (!(node instanceof HtmlBlock)) {
                pushChildren(stack, node, open.inListItem() || node instanceof ListItem);
            }
        }
    }

    private static void pushChildren(Deque<Open> stack, Node parent, boolean inListItem) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(new Open(children.get(i), inListItem));
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

    /** The words of inline content, depth-first with an explicit stack (emphasis may nest without limit). */
    private static void appendInline(Node parent, StringBuilder sb) {
        Deque<Node> stack = new ArrayDeque<>();
        for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
            stack.push(child);
        }
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Text text) {
                sb.append(text.getLiteral());
            } else if (node instanceof Code code) {
                sb.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                sb.append(' ');
            } else if (!(node instanceof HtmlInline)) {
                for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                    stack.push(child);
                }
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

    /**
     * Sentence boundaries: a run of terminal punctuation, optional closing quotes or brackets, then white space; not
     * after an abbreviation or a single letter, not inside $math$. One pass over the text.
     */
    static List<String> sentences(String text) {
        char[] masked = text.toCharArray();
        Matcher math = INLINE_MATH.matcher(text);
        while (math.find()) {
            for (int i = math.start(); i < math.end(); i++) {
                if (isTerminal(masked[i])) {
                    masked[i] = '_';
                }
            }
        }
        List<String> result = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < masked.length) {
            if (!isTerminal(masked[i])) {
                i++;
                continue;
            }
            int runStart = i;
            while (i < masked.length && isTerminal(masked[i])) {
                i++;
            }
            int runEnd = i;
            while (i < masked.length && isCloser(masked[i])) {
                i++;
            }
            if (i >= masked.length || !Character.isWhitespace(masked[i])) {
                continue;
            }
            while (i < masked.length && Character.isWhitespace(masked[i])) {
                i++;
            }
            if (!abbreviation(masked, start, runStart, runEnd - runStart == 1 && masked[runStart] == '.')) {
                String sentence = text.substring(start, i).strip();
                if (!sentence.isEmpty()) {
                    result.add(sentence);
                }
                start = i;
            }
        }
        String rest = text.substring(start).strip();
        if (!rest.isEmpty()) {
            result.add(rest);
        }
        return result;
    }

    /** Whether the word before a boundary (back to the last space, at most 8 characters) is an abbreviation. */
    private static boolean abbreviation(char[] text, int from, int end, boolean singleDot) {
        int begin = end;
        while (begin > from && !Character.isWhitespace(text[begin - 1]) && end - begin <= 8) {
            begin--;
        }
        if (begin > from && !Character.isWhitespace(text[begin - 1])) {
            return false;
        }
        String word = new String(text, begin, end - begin).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || singleDot && word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']';
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
