package io.prepline.review.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Checks event payloads against the JSON Schemas their producers own. */
public final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private JsonSchemas() {
    }

    /** This module's schema {@code schemas/<name>} from the classpath. */
    public static void assertValid(String name, String json) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + name);
            }
            assertValid(REGISTRY.getSchema(in), name, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(Path schemaFile, String json) {
        try (InputStream in = Files.newInputStream(schemaFile)) {
            assertValid(REGISTRY.getSchema(in), schemaFile.getFileName().toString(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertValid(Schema schema, String name, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), json + " against " + name);
    }

    /**
     * A schema of another module, found by a word in its file name, when that module has published one: consumer
     * fixtures are checked against the producer's contract.
     */
    public static Optional<Path> producerSchema(String module, String nameContains) {
        Path dir = Path.of("..", module, "src", "main", "resources", "schemas");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(nameContains)
                    && f.getFileName().toString().endsWith(".json")).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
