package io.prepline.platform.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with an incoming event, field by field, and rejects it as {@code INVALID} naming every field
 * at fault. Used in the compact constructor of each event record, so an event that exists is a valid one.
 * <pre>{@code
 * EventChecks.of().required("answerId", answerId).range("overall", overall, 0, 100).orReject();
 * }</pre>
 */
public final class EventChecks {

    /** A UUID in its canonical text form. */
    public static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int SHOWN_CHARS = 60;

    private final List<String> problems = new ArrayList<>();

    private EventChecks() {
    }

    public static EventChecks of() {
        return new EventChecks();
    }

    public EventChecks required(String field, Object value) {
        if (value == null) {
            problems.add(field + " is required");
        }
        return this;
    }

    /** Required text, not blank, at most {@code maxLength} characters. */
    public EventChecks text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        } else {
            maxLength(field, value, maxLength);
        }
        return this;
    }

    /** Text that may be absent, at most {@code maxLength} characters. */
    public EventChecks maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problems.add(field + " has " + value.length() + " characters, more than " + maxLength);
        }
        return this;
    }

    /** A required number within {@code min..max}. */
    public EventChecks range(String field, Number value, double min, double max) {
        if (value == null) {
            problems.add(field + " is required");
        } else {
            optionalRange(field, value, min, max);
        }
        return this;
    }

    /** A number within {@code min..max}, or absent. */
    public EventChecks optionalRange(String field, Number value, double min, double max) {
        if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
            problems.add(field + " " + value + (max >= Integer.MAX_VALUE ? " is not " + number(min) + " or more"
                    : " is not within " + number(min) + "-" + number(max)));
        }
        return this;
    }

    /** Required, and one of {@code values}. */
    public EventChecks oneOf(String field, String value, Collection<String> values) {
        if (value == null) {
            problems.add(field + " is required");
        } else if (!values.contains(value)) {
            problems.add(field + " " + shown(value) + " is not one of " + String.join(", ", values));
        }
        return this;
    }

    /** Required, and matching {@code pattern} as a whole. */
    public EventChecks matches(String field, String value, Pattern pattern, String what) {
        if (value == null) {
            problems.add(field + " is required");
        } else if (!pattern.matcher(value).matches()) {
            problems.add(field + " " + shown(value) + " is not " + what);
        }
        return this;
    }

    /** Adds a problem when {@code ok} is false (a rule across fields). */
    public EventChecks check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
        return this;
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Throws {@link RejectedRecord} ({@code INVALID}) naming every problem found, if there is any. */
    public void orReject() {
        if (!problems.isEmpty()) {
            throw new RejectedRecord(RejectedRecord.Reason.INVALID, String.join("; ", problems));
        }
    }

    /** A value as shown in a problem: quoted and cut short, so a hostile value cannot flood the logs. */
    public static String shown(String value) {
        String cut = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "..." : value;
        return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
