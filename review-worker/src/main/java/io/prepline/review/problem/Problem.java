package io.prepline.review.problem;

import java.util.List;

/** An RFC 9457 problem document, with the fields at fault in {@code errors}. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String TYPE_PREFIX = "https://prepline.io/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
}
