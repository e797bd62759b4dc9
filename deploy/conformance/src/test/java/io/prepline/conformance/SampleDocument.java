package io.prepline.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A small OpenAPI 3.1 document with the shapes the services' documents use ({@code sample-openapi.json}). */
public final class SampleDocument {

    private SampleDocument() {
    }

    public static String json() {
        try (InputStream in = SampleDocument.class.getResourceAsStream("/sample-openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
