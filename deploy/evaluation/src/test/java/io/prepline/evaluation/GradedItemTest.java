package io.prepline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.prepline.review.scoring.Rubric;

class GradedItemTest {

    @TempDir
    Path dir;

    @Test
    void eachReferenceBecomesARubricWhoseSentencesAreItsPoints() throws Exception {
        Path file = dir.resolve("set.jsonl");
        Files.writeString(file, """
                {"id":"a1","corpus":"toy","questionId":"q1","question":"What does a pointer hold?","reference":["An address of a variable. It can be null.","A memory address"],"answer":"the address","score":4,"scale":[0,5]}

                {"id":"a2","corpus":"toy","questionId":"q2","question":"Q?","reference":"Only one reference","answer":"x","label":"incorrect","score":0,"scale":[0,1]}
                """);
        List<GradedItem> items = GradedItem.read(file);

        assertEquals(2, items.size());
        List<Rubric> rubrics = items.get(0).rubrics();
        assertEquals(2, rubrics.size());
        assertEquals(List.of("An address of a variable.", "It can be null."),
                rubrics.get(0).criteria().get(0).points().stream().map(Rubric.Point::text).toList());
        assertEquals("What does a pointer hold?", rubrics.get(0).questionText());
        assertEquals(5.0, items.get(0).max());
        assertEquals(1, items.get(1).rubrics().size());
    }

    @Test
    void aLineWithoutAScoreIsRejectedWithItsLineNumber() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"reference\":\"r\",\"answer\":\"x\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradedItem.read(file));
        assertTrue(e.getMessage().startsWith("line 1"), e.getMessage());
    }

    @Test
    void theSplitKeepsAllAnswersOfAQuestionTogether() {
        GradedItem one = new GradedItem("1", "c", "Q-17", "q", List.of("r"), "a", 1, 0, 1);
        GradedItem two = new GradedItem("2", "c", "Q-17", "q", List.of("r"), "b", 0, 0, 1);
        assertEquals(GradedItem.Split.CALIBRATION.contains(one), GradedItem.Split.CALIBRATION.contains(two));
        assertTrue(GradedItem.Split.CALIBRATION.contains(one) != GradedItem.Split.REPORT.contains(one));
    }
}
