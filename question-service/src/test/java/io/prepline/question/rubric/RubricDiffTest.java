package io.prepline.question.rubric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.prepline.question.rubric.RubricModels.Change;
import io.prepline.question.rubric.RubricModels.CriterionChange;
import org.junit.jupiter.api.Test;

class RubricDiffTest {

    private static final Rubric.Point DEFINE = new Rubric.Point("d-1", "States what it is", List.of(List.of("define")), null);
    private static final Rubric.Point BASELINE = new Rubric.Point("e-1", "Compares with a baseline", List.of(List.of("baseline")), null);

    @Test
    void identicalRubricsHaveNoChanges() {
        List<Rubric.Criterion> rubric = List.of(criterion("definitions", 0.5, DEFINE), criterion("evaluation", 0.5, BASELINE));
        assertTrue(RubricDiff.between(rubric, rubric).isEmpty());
    }

    @Test
    void namesAddedRemovedAndChangedCriteriaAndPointsWithTheirFields() {
        Rubric.Point defineBetter = new Rubric.Point("d-1", "States what it is", List.of(List.of("define", "definition")), "say it");
        Rubric.Point added = new Rubric.Point("d-2", "Gives an example", List.of(), null);
        List<CriterionChange> changes = RubricDiff.between(
                List.of(criterion("definitions", 0.5, DEFINE), criterion("evaluation", 0.5, BASELINE)),
                List.of(criterion("pitfalls", 0.3, BASELINE), criterion("definitions", 0.7, defineBetter, added)));

        CriterionChange definitions = changes.get(0);
        assertEquals("definitions", definitions.key());
        assertEquals(Change.CHANGED, definitions.change());
        assertEquals(List.of("weight", "position"), definitions.fields());
        assertEquals(0.5, definitions.before().weight());
        assertEquals(0.7, definitions.after().weight());
        assertEquals(Change.CHANGED, definitions.points().get(0).change());
        assertEquals(List.of("concepts", "guidance"), definitions.points().get(0).fields());
        assertEquals("d-2", definitions.points().get(1).id());
        assertEquals(Change.ADDED, definitions.points().get(1).change());
        assertNull(definitions.points().get(1).before());

        CriterionChange evaluation = changes.get(1);
        assertEquals(Change.REMOVED, evaluation.change());
        assertNull(evaluation.after());
        assertEquals(Change.REMOVED, evaluation.points().get(0).change());

        CriterionChange pitfalls = changes.get(2);
        assertEquals(Change.ADDED, pitfalls.change());
        assertEquals(1, pitfalls.after().position());
        assertEquals(Change.ADDED, pitfalls.points().get(0).change());
        assertEquals(3, changes.size());
    }

    private static Rubric.Criterion criterion(String key, double weight, Rubric.Point... points) {
        return new Rubric.Criterion(key, key.toUpperCase(), "Title of " + key, weight, List.of(points));
    }
}
