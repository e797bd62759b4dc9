package io.prepline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository, found from the module the tests run in. */
final class Repository {

    private static final Path ROOT = Path.of(System.getProperty("prepline.repository", "../..")).toAbsolutePath()
            .normalize();

    private Repository() {
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
