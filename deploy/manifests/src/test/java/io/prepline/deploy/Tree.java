package io.prepline.deploy;

import java.util.List;
import java.util.Map;

/** Reading parsed YAML or JSON (maps, lists, scalars) by path, with a clear error where the shape is wrong. */
final class Tree {

    private Tree() {
    }

    /** The value at {@code path} under {@code node}, or null where any step is missing. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(String.join(".", path) + " should be a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String... path) {
        return (List<Map<String, Object>>) (List<?>) list(node, path);
    }

    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new AssertionError(String.join(".", path) + " should be a list: " + value);
        }
        return List.copyOf(list);
    }
}
