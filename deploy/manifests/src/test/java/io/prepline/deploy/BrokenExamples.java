package io.prepline.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Broken examples that a check must refuse, one per file under src/test/resources/NAME/; each file's first line
 * ({@code # refused: ...}) is part of what the check must say about it.
 */
final class BrokenExamples {

    private static final String FIRST_LINE = "# refused: ";

    private BrokenExamples() {
    }

    static Stream<Path> in(String name) {
        return KubernetesManifests.yamlFiles(Path.of("src/test/resources", name)).stream();
    }

    static void assertRefused(Path example, List<String> problems) {
        String expected;
        try {
            expected = Files.readAllLines(example).getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(expected.startsWith(FIRST_LINE), example + " does not say what must be refused");
        String fragment = expected.substring(FIRST_LINE.length());
        assertFalse(problems.isEmpty(), example + " was accepted");
        assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), example + ": " + problems);
    }
}
