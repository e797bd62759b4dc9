package io.prepline.platform.consumer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.prepline.platform.PlatformConfig;
import io.prepline.platform.messaging.Backoff;
import io.prepline.platform.messaging.CloudEvents;
import io.prepline.platform.messaging.Retry;
import io.prepline.platform.pg.PgErrors;
import io.prepline.platform.tracing.Spans;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How a consumer applies one record so that the channel never stalls on it:
 * <ol>
 * <li>the record must come from the topic's producer (its CloudEvents {@code ce_source}) and {@code read} must
 * accept it (parse and validate: the event record's compact constructor); otherwise it is rejected at once;</li>
 * <li>{@code apply} runs in a transaction of its own, with row locks waited for at most
 * {@code prepline.consumer.lock-timeout}. A transient database failure is retried with a backoff for as long as it
 * lasts (the record waits, readiness shows the database down); any other failure, and a reference not found, up to
 * {@code prepline.consumer.attempts} calls;</li>
 * <li>a record rejected, or still failing after its attempts, goes to the {@link DeadLetterTopic} with its reason and
 * the consumer goes on with the next one.</li>
 * </ol>
 * Nothing escapes but an interruption while the service stops: the record is then read again after the restart.
 * <p>
 * The record is handled in a span that continues the trace of its {@code traceparent} header, so what {@code apply}
 * does (and the events it writes to the outbox) belongs to the trace of the request that caused the record.
 */
@ApplicationScoped
@IfBuildProperty(name = "prepline.consumer.enabled", stringValue = "true")
public class Consumption {

    static final String RETRIES = "prepline.consumer.retries";

    @Inject
    DeadLetterTopic deadLetters;
    @Inject
    EntityManager em;
    @Inject
    PlatformConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    Tracer tracer;

    /**
     * @param channel the consumer's channel: the {@code channel} tag of the metrics
     * @param source  the {@code ce_source} of the topic's producer
     * @param read    parses and validates the record; throws {@link RejectedRecord} for one that can never apply
     * @param apply   applies the event (methods it calls join its transaction); throws {@link RejectedRecord}
     *                ({@code UNKNOWN_REFERENCE}) when the event names something this service does not have
     */
    public <E> void apply(String channel, ConsumerRecord<String, String> record, String source,
                          Function<ConsumerRecord<String, String>, E> read, Consumer<E> apply) {
        Span span = Spans.process(tracer, record.topic(), record.partition(), record.offset(), record.headers());
        try (Scope scope = Spans.current(span)) {
            handle(channel, record, source, read, apply);
        } finally {
            span.end();
        }
    }

    private <E> void handle(String channel, ConsumerRecord<String, String> record, String source,
                            Function<ConsumerRecord<String, String>, E> read, Consumer<E> apply) {
        RejectedRecord rejection;
        Throwable cause = null;
        try {
            checkSource(record, source);
            E event = read.apply(record);
            applyWithRetries(channel, record, () -> apply.accept(event));
            return;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the service stops: the record is read again after the restart
            }
            rejection = rejection(e);
            if (rejection == null) {
                rejection = new RejectedRecord(PgErrors.isConstraintViolation(e)
                        ? RejectedRecord.Reason.CONSTRAINT_VIOLATION : RejectedRecord.Reason.FAILED, summary(e));
                cause = e;
            }
        }
        Span.current().setAttribute("prepline.dead_letter.reason", rejection.reason().name());
        deadLetters.send(channel, record, rejection, cause);
    }

    private static void checkSource(ConsumerRecord<String, String> record, String expected) {
        String source = CloudEvents.header(record.headers(), CloudEvents.SOURCE);
        if (source == null) {
            throw new RejectedRecord(RejectedRecord.Reason.UNTRUSTED_SOURCE,
                    "no " + CloudEvents.SOURCE + " header; the producer of " + record.topic() + " is " + expected);
        }
        if (!source.equals(expected)) {
            throw new RejectedRecord(RejectedRecord.Reason.UNTRUSTED_SOURCE, CloudEvents.SOURCE + " "
                    + EventChecks.shown(source) + " is not the producer of " + record.topic() + " (" + expected + ")");
        }
    }

    private void applyWithRetries(String channel, ConsumerRecord<String, String> record, Runnable work) {
        PlatformConfig.Consumer settings = config.consumer();
        Counter retries = Counter.builder(RETRIES).description("Calls of a consumer's work made again after a failure")
                .tag("channel", channel).register(metrics);
        AtomicInteger calls = new AtomicInteger();
        Retry.run(channel + ": applying " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                settings.attempts(), new Backoff(settings.minBackoff(), settings.maxBackoff()), Consumption::classify,
                () -> {
                    if (calls.incrementAndGet() > 1) {
                        retries.increment();
                    }
                    QuarkusTransaction.requiringNew().run(() -> {
                        limitLockWait(settings);
                        work.run();
                    });
                    return null;
                });
    }

    private void limitLockWait(PlatformConfig.Consumer settings) {
        em.createNativeQuery("SELECT set_config('lock_timeout', ?1, true)")
                .setParameter(1, settings.lockTimeout().toMillis() + "ms").getSingleResult();
    }

    static Retry.Failure classify(RuntimeException failure) {
        if (PgErrors.isTransient(failure)) {
            return Retry.Failure.TRANSIENT;
        }
        RejectedRecord rejection = rejection(failure);
        if (rejection != null && rejection.reason() != RejectedRecord.Reason.UNKNOWN_REFERENCE) {
            return Retry.Failure.PERMANENT;
        }
        return Retry.Failure.RETRIABLE;
    }

    private static RejectedRecord rejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RejectedRecord rejection) {
                return rejection;
            }
        }
        return null;
    }

    private static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String summary = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? summary
                : summary + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
