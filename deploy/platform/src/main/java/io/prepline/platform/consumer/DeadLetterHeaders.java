package io.prepline.platform.consumer;

/**
 * Headers every dead letter carries besides the original record's own: why it was set aside and where it came from
 * (the names SmallRye's own dead-letter queue uses, where it has one).
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dead-letter-reason";
    public static final String DETAIL = "dead-letter-detail";
    public static final String CHANNEL = "dead-letter-channel";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** Present when the original value was too large to send again: the letter carries no value. */
    public static final String VALUE_DROPPED = "dead-letter-value-dropped";

    private DeadLetterHeaders() {
    }
}
