package io.prepline.conformance.fuzz;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A valid JSON body with one field (by path: names, and indexes in arrays) replaced or removed. */
final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    static String with(String body, List<String> field, JsonNode value) {
        return change(body, field, value, false);
    }

    static String without(String body, List<String> field) {
        return change(body, field, null, true);
    }

    private static String change(String body, List<String> field, JsonNode value, boolean remove) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode parent = root;
            for (String step : field.subList(0, field.size() - 1)) {
                parent = parent.isArray() ? parent.path(Integer.parseInt(step)) : parent.path(step);
            }
            String last = field.get(field.size() - 1);
            if (parent instanceof ObjectNode object) {
                if (remove) {
                    object.remove(last);
                } else {
                    object.set(last, value);
                }
            } else if (parent instanceof ArrayNode array && !remove) {
                array.set(Integer.parseInt(last), value);
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException | RuntimeException e) {
            return body;
        }
    }
}
