package io.prepline.question.discussion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.prepline.platform.problem.FieldError;
import io.prepline.question.QuestionConfig;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * What one comment may hold: not blank, bounded in characters, lines, word length and nesting of markdown, and no
 * control characters but line breaks and tabs. Each broken limit is one error naming the field.
 */
public final class CommentRules {

    private static final Parser PARSER = Parser.builder().build();

    private CommentRules() {
    }

    public static List<FieldError> check(String field, String markdown, QuestionConfig.Discussion limits) {
        List<FieldError> errors = new ArrayList<>();
        if (markdown == null || markdown.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return errors;
        }
        if (markdown.length() > limits.maxLength()) {
            errors.add(new FieldError(field, "must be at most " + limits.maxLength() + " characters"));
            return errors; // the other checks read the whole text: not on one this long
        }
        if (hasControlCharacters(markdown)) {
            errors.add(new FieldError(field, "must not contain control characters other than line breaks and tabs"));
        }
        if (markdown.lines().count() > limits.maxLines()) {
            errors.add(new FieldError(field, "must be at most " + limits.maxLines() + " lines"));
        }
        if (longestWord(markdown) > limits.maxWordLength()) {
            errors.add(new FieldError(field, "must not have a word longer than " + limits.maxWordLength() + " characters"));
        }
        if (errors.isEmpty() && depth(PARSER.parse(markdown)) > limits.maxDepth()) {
            errors.add(new FieldError(field, "must not nest quotes, lists, emphasis and links more than "
                    + limits.maxDepth() + " deep"));
        }
        return errors;
    }

    /** A reason for hiding or restoring: not blank, one bounded line of plain text. */
    public static List<FieldError> checkReason(String field, String reason, QuestionConfig.Discussion limits) {
        if (reason == null || reason.isBlank()) {
            return List.of(new FieldError(field, "must not be blank"));
        }
        if (reason.length() > limits.maxReasonLength()) {
            return List.of(new FieldError(field, "must be at most " + limits.maxReasonLength() + " characters"));
        }
        if (hasControlCharacters(reason) || reason.indexOf('\n') >= 0) {
            return List.of(new FieldError(field, "must be one line without control characters"));
        }
        return List.of();
    }

    static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r' && c != '\t' && (Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT && c != '\u200d')) {
                return true;
            }
        }
        return false;
    }

    static int longestWord(String text) {
        int longest = 0;
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                current = 0;
            } else {
                longest = Math.max(longest, ++current);
            }
        }
        return longest;
    }

    /** The deepest nesting of containers a reader sees as levels: quotes, list items, emphasis, links. */
    static int depth(Node document) {
        record Level(Node node, int depth) {
        }
        int deepest = 0;
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(document, 0));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            deepest = Math.max(deepest, level.depth());
            for (Node child = level.node().getFirstChild(); child != null; child = child.getNext()) {
                pending.push(new Level(child, level.depth() + (nests(child) ? 1 : 0)));
            }
        }
        return deepest;
    }

    private static boolean nests(Node node) {
        return node instanceof BlockQuote || node instanceof ListItem || node instanceof Emphasis
                || node instanceof StrongEmphasis || node instanceof Link;
    }
}
