package io.prepline.question.search;

import java.util.Locale;
import java.util.Optional;

public enum Sort {
    RELEVANCE, RECENT, POPULAR, SOLVED;

    public static Optional<Sort> parse(String value) {
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
