package io.prepline.question.problem;

/** One input at fault: a JSON field path ({@code asks[0].company}), a query parameter or a header. */
public record FieldError(String field, String message) {
}
