package io.prepline.conformance.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values the services named in their responses, by field name (slugs, ids, question ids ...), so that path parameters
 * and body fields can name things that exist. A parameter {@code answerId} takes an {@code answerId} when one was
 * seen, else an {@code id}.
 */
final class Harvest {

    private static final int KEEP = 50;
    private final Map<String, List<String>> values = new ConcurrentHashMap<>();
    private final Random random;

    Harvest(long seed) {
        this.random = new Random(seed);
    }

    void take(JsonNode json) {
        take(json, 0);
    }

    private void take(JsonNode json, int depth) {
        if (depth > 8 || json == null) {
            return;
        }
        if (json.isArray()) {
            json.forEach(item -> take(item, depth + 1));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().length() <= 200) {
                List<String> seen = values.computeIfAbsent(field.getKey(), k -> new ArrayList<>());
                synchronized (seen) {
                    if (seen.size() < KEEP && !seen.contains(value.asText())) {
                        seen.add(value.asText());
                    }
                }
            } else if (value.isContainerNode()) {
                take(value, depth + 1);
            }
        }
    }

    Optional<String> any(String name) {
        Optional<String> exact = pick(name);
        return exact.isPresent() || !name.endsWith("Id") ? exact : pick("id");
    }

    private Optional<String> pick(String name) {
        List<String> seen = values.get(name);
        if (seen == null) {
            return Optional.empty();
        }
        synchronized (seen) {
            synchronized (random) {
                return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(random.nextInt(seen.size())));
            }
        }
    }
}
