package io.prepline.question.catalogue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalised names: "Capital One" and "capital-one" filter the same company. */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern OUTER_DASHES = Pattern.compile("(^-+|-+$)");

    private Slugs() {
    }

    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String slug = OUTER_DASHES.matcher(SEPARATORS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        return slug.isEmpty() ? null : slug;
    }
}
