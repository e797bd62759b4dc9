package io.prepline.platform.consumer;

/**
 * A consumed record that can never be applied, with the reason: it goes to the dead-letter topic and the consumer
 * goes on with the next one. Thrown by an event's validation or by the work that applies it.
 */
public final class RejectedRecord extends RuntimeException {

    /** Why a record goes to the dead-letter topic: the {@code reason} tag of the counter and the header. */
    public enum Reason {
        /** No value, not JSON, or a field of the wrong type. */
        MALFORMED,
        /** A required field is missing, a value is out of its range, not one of its values, or not an id. */
        INVALID,
        /** The CloudEvents source ({@code ce_source}) is missing or not the producer of the topic. */
        UNTRUSTED_SOURCE,
        /** It names something this service does not have (an answer, a question), still after the retries. */
        UNKNOWN_REFERENCE,
        /** The database refuses it (a constraint), still after the retries. */
        CONSTRAINT_VIOLATION,
        /** Any other failure that the retries did not overcome. */
        FAILED
    }

    private final Reason reason;

    public RejectedRecord(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
