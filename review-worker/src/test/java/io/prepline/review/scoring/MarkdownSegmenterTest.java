package io.prepline.review.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.prepline.review.scoring.MarkdownSegmenter.Kind;
import io.prepline.review.scoring.MarkdownSegmenter.Unit;

class MarkdownSegmenterTest {

    private final MarkdownSegmenter segmenter = new MarkdownSegmenter(100, 10_000);

    private List<String> texts(String markdown) {
        return segmenter.segment(markdown).units().stream().map(Unit::text).toList();
    }

    @Test
    void paragraphsSplitIntoSentencesButNotAtAbbreviations() {
        assertEquals(List.of("Pruning removes weights, e.g. small ones.", "It is cheap!", "Is it safe?"),
                texts("Pruning removes weights, e.g. small ones. It is cheap! Is it safe?"));
    }

    @Test
    void listItemsAreUnitsOfTheirOwn() {
        List<Unit> units = segmenter.segment("- first item\n- second item\n  over two lines\n").units();
        assertEquals(List.of("first item", "second item over two lines"), units.stream().map(Unit::text).toList());
        assertTrue(units.stream().allMatch(u -> u.kind() == Kind.LIST_ITEM));
    }

    @Test
    void codeBlocksAndFormulasAreKeptWhole() {
        List<Unit> units = segmenter.segment("""
                Text before. More text.

                ```python
                x = 1. y = 2.
                print(x + y)
                ```

                $$ L = \\sum_i (y_i - \\hat{y}_i)^2. $$

                The loss $a.b = c$ is small. Done.
                """).units();
        assertEquals(Kind.CODE, units.get(2).kind());
        assertEquals("x = 1. y = 2.\nprint(x + y)", units.get(2).text());
        assertEquals(Kind.FORMULA, units.get(3).kind());
        assertEquals("The loss $a.b = c$ is small.", units.get(4).text());
        assertEquals(6, units.size());
    }

    @Test
    void rawHtmlIsIgnoredAndInlineCodeKept() {
        List<String> texts = texts("<script>alert('x')</script>\n\nUse <b>the</b> `torch.prune` API.");
        assertEquals(List.of("Use the torch.prune API."), texts);
    }

    @Test
    void tableRowsBecomeUnits() {
        List<String> texts = texts("| method | effect |\n|---|---|\n| magnitude | sparse weights |\n");
        assertEquals(List.of("method | effect", "magnitude | sparse weights"), texts);
    }

    @Test
    void longAnswersAreCutAtTheLimits() {
        MarkdownSegmenter.Segmented s = new MarkdownSegmenter(3, 10_000).segment("One. Two. Three. Four. Five.");
        assertEquals(3, s.units().size());
        assertTrue(s.truncated());
        MarkdownSegmenter.Segmented chars = new MarkdownSegmenter(100, 20).segment("A fairly long sentence here. "
                + "Another sentence follows.");
        assertTrue(chars.truncated());
        assertFalse(new MarkdownSegmenter(100, 10_000).segment("Short.").truncated());
    }

    @Test
    void runOnSentencesAreCutToWhatTheSentenceModelReads() {
        String runOn = "word ".repeat(MarkdownSegmenter.MAX_UNIT_WORDS * 2 + 5);
        List<Unit> units = segmenter.segment(runOn).units();
        assertEquals(3, units.size());
        assertTrue(units.stream().allMatch(u -> u.words() <= MarkdownSegmenter.MAX_UNIT_WORDS));
    }
}
