package io.prepline.review.scoring;

import java.util.List;
import java.util.Set;

/**
 * A cheap check that an answer is English: the sentence model and the stemmer only read English. Letters outside the
 * Latin script, or function words of other European languages outnumbering English ones, mean another language.
 */
final class Language {

    record Verdict(boolean nonEnglish, String reason) {
    }

    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "is", "are", "was", "were", "of", "to", "and",
            "in", "it", "that", "for", "on", "with", "as", "be", "by", "this", "not", "or", "can", "we", "you", "if",
            "when", "which", "there", "from", "at", "has", "have", "but", "so", "because", "they", "its", "more");
    private static final Set<String> OTHER = Set.of(
            "le", "de", "la", "les", "des", "est", "et", "une", "du", "que", "qui", "pour", "dans", "sont", "avec", "pas",
            "el", "los", "las", "es", "y", "por", "con", "una", "del", "lo", "para", "como", "pero", "más",
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "für", "sind", "auf", "dem", "den", "zu",
            "il", "di", "che", "non", "è", "per", "gli", "della", "sono", "delle",
            "os", "não", "uma", "um", "são", "em", "ao", "da", "het", "een", "ik", "niet", "van", "zijn");

    private Language() {
    }

    static Verdict check(List<String> words) {
        int letters = 0;
        int nonLatin = 0;
        int english = 0;
        int other = 0;
        for (String w : words) {
            if (ENGLISH.contains(w)) {
                english++;
            }
            if (OTHER.contains(w)) {
                other++;
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                        nonLatin++;
                    }
                }
            }
        }
        // scripts without spaces (Chinese, Japanese) make few long "words": count letters there
        if (letters >= 8 && nonLatin * 10 > letters * 3) {
            return new Verdict(true, "most letters are not Latin");
        }
        if (words.size() >= 4 && other >= 3 && other > 2 * english) {
            return new Verdict(true, "its common words are not English ones");
        }
        return new Verdict(false, null);
    }
}
