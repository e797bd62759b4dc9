package io.prepline.review.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Hand-written rubrics and answers under src/test/resources/scoring. */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static Rubric pruningRubric() {
        return rubric("pruning-rubric.json");
    }

    static Rubric rubric(String name) {
        try (InputStream in = resource(name)) {
            return JSON.readValue(in, Rubric.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/scoring/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource scoring/" + name);
        }
        return in;
    }
}
