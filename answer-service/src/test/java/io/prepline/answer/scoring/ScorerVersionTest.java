package io.prepline.answer.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScorerVersionTest {

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertTrue(ScorerVersion.compare("1.10.0", "1.9.9") > 0);
        assertTrue(ScorerVersion.compare("1.2.0", "1.2.1") < 0);
        assertTrue(ScorerVersion.compare("2", "1.99") > 0);
        assertEquals(0, ScorerVersion.compare("1.0", "1.0.0"));
    }
}
