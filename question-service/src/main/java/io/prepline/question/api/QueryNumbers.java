package io.prepline.question.api;

import io.prepline.platform.problem.ProblemException;

/** Whole-number query and path parameters read as text, so that a bad one is a 400 naming it. */
final class QueryNumbers {

    private QueryNumbers() {
    }

    /** {@code value} as a number from {@code min} to {@code max}, or {@code absent} when it is not given. */
    static Integer whole(String field, String value, int min, int max, Integer absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
}
