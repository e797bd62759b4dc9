package io.prepline.answer.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Checks event payloads against JSON Schemas: this service's own, and those of the producers it consumes. */
public final class SchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private SchemaCheck() {
    }

    /** Against this service's schema of {@code topic}. */
    public static void assertValid(String topic, JsonNode event) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/schemas/" + topic + ".json")) {
            assertTrue(in != null, "schema of " + topic);
            check(REGISTRY.getSchema(in), topic, event.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Against the schema another module publishes, found by a word of its file name. */
    public static void assertValidForProducer(String module, String nameContains, String json) {
        Path dir = Path.of("..", module, "src", "main", "resources", "schemas");
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().contains(nameContains)
                            && f.getFileName().toString().endsWith(".json"))
                    .sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no schema with '" + nameContains + "' in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            check(REGISTRY.getSchema(in), file.getFileName().toString(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Schema schema, String name, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), json + " against " + name);
    }
}
