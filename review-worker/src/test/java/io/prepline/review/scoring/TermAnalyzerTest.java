package io.prepline.review.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TermAnalyzerTest {

    private final TermAnalyzer analyzer = new TermAnalyzer();

    @Test
    void britishAndAmericanSpellingsShareAStem() {
        assertEquals(analyzer.stem("regularization"), analyzer.stem("regularisation"));
        assertEquals(analyzer.stem("normalize"), analyzer.stem("normalise"));
        assertEquals(analyzer.stem("analyze"), analyzer.stem("analyse"));
        assertEquals(analyzer.stem("behavior"), analyzer.stem("behaviour"));
    }

    @Test
    void inflectionsShareAStem() {
        assertEquals(analyzer.stem("pruning"), analyzer.stem("pruned"));
        assertEquals(analyzer.stem("weights"), analyzer.stem("weight"));
    }

    @Test
    void negationsSurviveAnalysisButOtherStopWordsDoNot() {
        TermAnalyzer.Analysed a = analyzer.analyse("Terminal 1 isn't connected to the battery and cannot be");
        assertTrue(a.contentStems().contains("not"), a::toString);
        assertTrue(a.negated());
        assertNull(analyzer.stem("the"));
        assertEquals(List.of("termin", "1", "not", "connect", "batteri", "not"), a.contentStems());
    }

    @Test
    void wordsWrittenTogetherMatchWordsWrittenApart() {
        assertEquals(analyzer.stem("finetune"), analyzer.compound("fine", "tuning"));
    }
}
