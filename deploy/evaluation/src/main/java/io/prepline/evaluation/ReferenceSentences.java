package io.prepline.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a reference answer into the sentences that become rubric points. */
final class ReferenceSentences {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?;])\\s+(?=\\S)");

    private ReferenceSentences() {
    }

    static List<String> split(String reference) {
        List<String> out = new ArrayList<>();
        for (String s : BOUNDARY.split(reference.strip())) {
            String t = s.strip();
            if (t.chars().anyMatch(Character::isLetterOrDigit)) {
                out.add(t);
            }
        }
        return out;
    }
}
