package io.prepline.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import io.prepline.platform.problem.ProblemException;

/**
 * An opaque page cursor: fields joined by {@code |}, base64url without padding. A cursor comes back from the client,
 * so decoding checks all of it (length, encoding, number of fields, each field's type and range) and refuses anything
 * else with 400 naming {@code cursor}: nothing a client edits reaches a query.
 */
public final class CursorToken {

    public static final String FIELD = "cursor";
    /** Longer than any cursor the services issue, short enough to refuse junk before decoding it. */
    public static final int MAX_LENGTH = 512;
    private static final String SEPARATOR = "|";
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    /** Times a cursor may carry: what both Java and PostgreSQL can hold. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final String[] fields;

    private CursorToken(String[] fields) {
        this.fields = fields;
    }

    public static String encode(Object... fields) {
        StringBuilder raw = new StringBuilder();
        for (Object field : fields) {
            String text = String.valueOf(field);
            if (text.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a cursor field cannot contain " + SEPARATOR + ": " + text);
            }
            if (!raw.isEmpty()) {
                raw.append(SEPARATOR);
            }
            raw.append(text);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's fields, or 400 when it is not a well-formed cursor of {@code count} fields. */
    public static CursorToken decode(String token, int count) {
        if (token == null || token.length() > MAX_LENGTH || !BASE64URL.matcher(token).matches()) {
            throw invalid();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] fields = raw.split(Pattern.quote(SEPARATOR), -1);
        if (fields.length != count) {
            throw invalid();
        }
        return new CursorToken(fields);
    }

    public static ProblemException invalid() {
        return ProblemException.invalid(FIELD, "is not a cursor this API returned");
    }

    /** The refusal of a well-formed cursor used with other parameters than the ones it was issued for. */
    public static ProblemException foreign(String what) {
        return ProblemException.invalid(FIELD, "was issued for " + what + "; start again without it");
    }

    public String text(int index) {
        return fields[index];
    }

    public UUID uuid(int index) {
        String value = fields[index];
        if (!UUID_FORM.matcher(value).matches()) {
            throw invalid();
        }
        return UUID.fromString(value);
    }

    /** An ISO-8601 time with an offset, between the years 1 and 9999. */
    public Instant instant(int index) {
        try {
            Instant at = OffsetDateTime.parse(fields[index]).toInstant();
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw invalid();
            }
            return at;
        } catch (DateTimeException e) {
            throw invalid();
        }
    }

    public long integer(int index, long min, long max) {
        String value = fields[index];
        if (!INTEGER.matcher(value).matches()) {
            throw invalid();
        }
        long n = Long.parseLong(value);
        if (n < min || n > max) {
            throw invalid();
        }
        return n;
    }

    /** A finite decimal number in {@code [min, max]}, as {@link Double#toString} writes it. */
    public double decimal(int index, double min, double max) {
        String value = fields[index];
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        // parseDouble also takes hex, suffixes and blanks; only what toString writes comes back
        if (!Double.isFinite(d) || d < min || d > max || !Double.toString(d).equals(value)) {
            throw invalid();
        }
        return d;
    }
}
