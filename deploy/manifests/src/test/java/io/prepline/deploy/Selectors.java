package io.prepline.deploy;

import java.util.List;
import java.util.Map;

/** Kubernetes label selectors (matchLabels, and matchExpressions with In, NotIn, Exists, DoesNotExist). */
final class Selectors {

    private Selectors() {
    }

    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        boolean labelsMatch = Tree.map(selector, "matchLabels").entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
        return labelsMatch && Tree.maps(selector, "matchExpressions").stream().allMatch(e -> matches(e, labels));
    }

    private static boolean matches(Map<String, Object> expression, Map<String, Object> labels) {
        String key = Tree.text(expression, "key");
        List<String> values = Tree.list(expression, "values").stream().map(String::valueOf).toList();
        Object value = labels.get(key);
        return switch (Tree.text(expression, "operator")) {
            case "In" -> value != null && values.contains(String.valueOf(value));
            case "NotIn" -> value == null || !values.contains(String.valueOf(value));
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("unknown selector operator in " + expression);
        };
    }
}
