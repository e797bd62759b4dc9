package io.prepline.review.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.prepline.review.scoring.MarkdownSegmenter.Kind;
import io.prepline.review.scoring.MarkdownSegmenter.Unit;

class MarkdownSegmenterTest {

    private final MarkdownSegmenter segmenter = new MarkdownSegmenter(40_000);

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
    void everyUnitIsKeptAndOnlyCharactersPastTheLimitAreCut() {
        MarkdownSegmenter.Segmented s = new MarkdownSegmenter(10_000).segment("One. Two. Three. Four. Five. ".repeat(100));
        assertEquals(500, s.units().size());
        assertFalse(s.truncated());
        MarkdownSegmenter.Segmented chars = new MarkdownSegmenter(20).segment("A fairly long sentence here. "
                + "Another sentence follows.");
        assertTrue(chars.truncated());
    }

    @Test
    void nestingThousandsDeepIsWalkedWithoutRecursion() {
        List<String> quotes = texts(">".repeat(20_000) + " deep quote");
        assertEquals(List.of("deep quote"), quotes);
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 140; i++) {
            lists.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        String all = String.join(" ", texts(lists.toString()));
        assertTrue(all.contains("item 0") && all.contains("item 139"), all.length() + " characters read");
        assertEquals(List.of("emphasis"), texts("*".repeat(10_000) + "emphasis" + "*".repeat(10_000)).stream()
                .filter(t -> t.contains("emphasis")).map(t -> t.replace("*", "")).toList());
    }

    @Test
    void punctuationRunsAndAbbreviationsSplitInOnePass() {
        assertEquals(List.of(), texts(".".repeat(20_000)).stream().filter(t -> t.chars().anyMatch(
                Character::isLetterOrDigit)).toList());
        assertEquals(List.of("We use e.g. magnitude pruning.", "It works!"),
                MarkdownSegmenter.sentences("We use e.g. magnitude pruning. It works!"));
        assertEquals(5_000, MarkdownSegmenter.sentences("A bc. ".repeat(5_000)).size());
    }

    @Test
    void runOnSentencesAreCutToWhatTheSentenceModelReads() {
        String runOn = "word ".repeat(MarkdownSegmenter.MAX_UNIT_WORDS * 2 + 5);
        List<Unit> units = segmenter.segment(runOn).units();
        assertEquals(3, units.size());
        assertTrue(units.stream().allMatch(u -> u.words() <= MarkdownSegmenter.MAX_UNIT_WORDS));
    }
}
