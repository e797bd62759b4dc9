package io.prepline.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML documents as plain maps and lists, read the way kubectl and docker compose read them: anchors and merge keys
 * ({@code <<: *x}) resolved, a key given twice an error.
 */
final class Yaml {

    private Yaml() {
    }

    /** The non-empty documents of a file. */
    static List<Map<String, Object>> documents(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : yaml.loadAll(reader)) {
                if (document instanceof Map<?, ?> map) {
                    documents.add(asObject(map));
                } else if (document != null) {
                    throw new AssertionError(file + ": a document should be a mapping, is " + document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> documents = documents(file);
        if (documents.size() != 1) {
            throw new AssertionError(file + " should hold one YAML document, holds " + documents.size());
        }
        return documents.getFirst();
    }
}
