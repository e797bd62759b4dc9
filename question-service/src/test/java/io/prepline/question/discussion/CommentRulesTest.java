package io.prepline.question.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** The limits of a comment that need no server: nesting, word length, control characters. */
class CommentRulesTest {

    private static int depth(String markdown) {
        return CommentRules.depth(Parser.builder().build().parse(markdown));
    }

    @Test
    void nestingCountsQuotesListItemsEmphasisAndLinks() {
        assertEquals(0, depth("plain text"));
        assertEquals(1, depth("> quoted"));
        assertEquals(3, depth("> - **bold in a list in a quote**"));
        assertEquals(4, depth("> - **[a link](https://example.org)**"));
        assertEquals(2_000, depth(">".repeat(2_000) + " deep"), "walked without recursion");
    }

    @Test
    void wordsAreCountedBetweenWhiteSpace() {
        assertEquals(0, CommentRules.longestWord(" \n\t"));
        assertEquals(5, CommentRules.longestWord("one three\ttwo\nfour"));
    }

    @Test
    void lineBreaksTabsAndJoinersAreAllowedButOtherControlAndDirectionCharactersAreNot() {
        assertFalse(CommentRules.hasControlCharacters("a\r\nb\tc 👩‍💻"));
        assertTrue(CommentRules.hasControlCharacters("a\u0000b"));
        assertTrue(CommentRules.hasControlCharacters("a\u001bb"));
        assertTrue(CommentRules.hasControlCharacters("abc\u202Eexe"));
        assertTrue(CommentRules.hasControlCharacters("zero\u200Bwidth"));
    }
}
