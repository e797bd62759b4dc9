package io.prepline.platform.problem;

/** One refused field: its path in the request ({@code questions[2].title}, {@code body}, a parameter) and why. */
public record FieldError(String field, String message) {
}
