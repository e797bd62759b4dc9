package io.prepline.question.catalogue;

import java.text.Normalizer;
import java.util.Locale;

/** Normalised names: "Capital One" and "capital-one" filter the same company. */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? null : slug;
    }
}
