package io.prepline.question;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Event payloads checked against the JSON Schema of their producer (this module's, or answer-service's). */
public final class EventSchemas {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {
    }

    /** A value of catalogue.questions.v1 against the schema this service publishes. */
    public static void assertCatalogueQuestion(String json) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/catalogue-question.v1.json")) {
            check(SCHEMAS.getSchema(in), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture of answers.decided.v1 against answer-service's schema, when that module is present beside this one. */
    public static void assertAnswerDecided(String json) {
        Path schema = Path.of("..", "answer-service", "src", "main", "resources", "schemas", "answers.decided.v1.json");
        if (!Files.exists(schema)) {
            return;
        }
        try (InputStream in = Files.newInputStream(schema)) {
            check(SCHEMAS.getSchema(in), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Schema schema, String json) {
        List<String> problems = schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
        assertEquals(List.of(), problems, json);
    }
}
