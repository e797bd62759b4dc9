package io.prepline.question.rubric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.prepline.question.rubric.RubricModels.Change;
import io.prepline.question.rubric.RubricModels.CriterionChange;
import io.prepline.question.rubric.RubricModels.Heading;
import io.prepline.question.rubric.RubricModels.PointChange;

/**
 * What changed between two rubrics: criteria matched by key, points by id within their criterion (a point moved to
 * another criterion is removed from one and added to the other). Unchanged criteria and points are left out.
 */
public final class RubricDiff {

    private RubricDiff() {
    }

    public static List<CriterionChange> between(List<Rubric.Criterion> before, List<Rubric.Criterion> after) {
        Map<String, Heading> headsBefore = headings(before);
        Map<String, Heading> headsAfter = headings(after);
        Map<String, Rubric.Criterion> byKeyBefore = byKey(before);
        Map<String, Rubric.Criterion> byKeyAfter = byKey(after);
        List<CriterionChange> changes = new ArrayList<>();
        for (Rubric.Criterion old : before) {
            Rubric.Criterion now = byKeyAfter.get(old.key());
            if (now == null) {
                changes.add(new CriterionChange(old.key(), Change.REMOVED, null, headsBefore.get(old.key()), null,
                        points(old.points(), List.of())));
                continue;
            }
            List<String> fields = fields(headsBefore.get(old.key()), headsAfter.get(old.key()));
            List<PointChange> points = points(old.points(), now.points());
            if (!fields.isEmpty() || !points.isEmpty()) {
                changes.add(new CriterionChange(old.key(), Change.CHANGED, fields, headsBefore.get(old.key()),
                        headsAfter.get(old.key()), points));
            }
        }
        for (Rubric.Criterion now : after) {
            if (!byKeyBefore.containsKey(now.key())) {
                changes.add(new CriterionChange(now.key(), Change.ADDED, null, null, headsAfter.get(now.key()),
                        points(List.of(), now.points())));
            }
        }
        return changes;
    }

    private static List<String> fields(Heading before, Heading after) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(before.kind(), after.kind())) {
            fields.add("kind");
        }
        if (!Objects.equals(before.title(), after.title())) {
            fields.add("title");
        }
        if (!Objects.equals(before.weight(), after.weight())) {
            fields.add("weight");
        }
        if (before.position() != after.position()) {
            fields.add("position");
        }
        return fields;
    }

    private static List<PointChange> points(List<Rubric.Point> before, List<Rubric.Point> after) {
        Map<String, Rubric.Point> byIdAfter = new LinkedHashMap<>();
        after.forEach(p -> byIdAfter.put(p.id(), p));
        Map<String, Rubric.Point> byIdBefore = new LinkedHashMap<>();
        before.forEach(p -> byIdBefore.put(p.id(), p));
        List<PointChange> changes = new ArrayList<>();
        for (Rubric.Point old : before) {
            Rubric.Point now = byIdAfter.get(old.id());
            if (now == null) {
                changes.add(new PointChange(old.id(), Change.REMOVED, null, old, null));
                continue;
            }
            List<String> fields = new ArrayList<>();
            if (!Objects.equals(old.text(), now.text())) {
                fields.add("text");
            }
            if (!Objects.equals(old.concepts(), now.concepts())) {
                fields.add("concepts");
            }
            if (!Objects.equals(old.guidance(), now.guidance())) {
                fields.add("guidance");
            }
            if (!fields.isEmpty()) {
                changes.add(new PointChange(old.id(), Change.CHANGED, fields, old, now));
            }
        }
        for (Rubric.Point now : after) {
            if (!byIdBefore.containsKey(now.id())) {
                changes.add(new PointChange(now.id(), Change.ADDED, null, null, now));
            }
        }
        return changes;
    }

    private static Map<String, Heading> headings(List<Rubric.Criterion> criteria) {
        Map<String, Heading> heads = new LinkedHashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            Rubric.Criterion c = criteria.get(i);
            heads.put(c.key(), new Heading(c.kind(), c.title(), c.weight(), i + 1));
        }
        return heads;
    }

    private static Map<String, Rubric.Criterion> byKey(List<Rubric.Criterion> criteria) {
        Map<String, Rubric.Criterion> map = new LinkedHashMap<>();
        criteria.forEach(c -> map.put(c.key(), c));
        return map;
    }
}
