package io.prepline.review.problem;

/** One field or parameter at fault, with what is wrong with it. */
public record FieldError(String field, String message) {
}
