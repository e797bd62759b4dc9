package io.prepline.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the shared infrastructure, under {@code prepline.*}, the same names in every service. Whether a service
 * has an outbox at all is the build-time switch {@code prepline.outbox.enabled} (review-worker has no database).
 * The prefix is not {@code platform}: Quarkus keeps {@code platform.*} for its own platform properties.
 */
@ConfigMapping(prefix = "prepline")
public interface PlatformConfig {

    Outbox outbox();

    Http http();

    RateLimit rateLimit();

    /**
     * Request rate limits ({@code prepline.rate-limit.*}): each named policy allows {@code limit} requests per
     * {@code period} to one key (a user, an API key, a client address). The services name their policies in their
     * {@code application.properties}.
     */
    interface RateLimit {
        /** Off: every request is admitted and no RateLimit header is sent. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Instances of the service behind one load balancer that spreads requests evenly: each admits
         * {@code limit / instances}, so together they admit the limit without talking to each other.
         */
        @WithDefault("1")
        int instances();

        /** Most keys tracked per policy; past it idle keys are forgotten, and new ones share one budget. */
        @WithDefault("100000")
        int maxKeys();

        /** The policies by name. */
        Map<String, Policy> policies();

        interface Policy {
            /** Requests allowed per period to one key (all at once, or spread). */
            long limit();

            @WithDefault("1m")
            Duration period();
        }
    }

    Consumer consumer();

    Metrics metrics();

    Tracing tracing();

    /** OpenTelemetry tracing ({@code io.prepline.platform.tracing}). */
    interface Tracing {
        /**
         * The OTLP/gRPC endpoint of the collector spans go to (e.g. {@code http://otel-collector:4317}); tracing is
         * off, and costs nothing, without one. Set by {@code OTEL_EXPORTER_OTLP_ENDPOINT}.
         */
        Optional<String> endpoint();

        /** Longest a finished span waits before it is exported with the others of its batch. */
        @WithDefault("2s")
        Duration exportDelay();
    }

    /** The service's own metrics on {@code /q/metrics}. */
    interface Metrics {
        /**
         * Longest a gauge that needs a query (the outbox backlog, the review queue) shows a reading before the next
         * scrape reads again: one query per period, however often Prometheus scrapes.
         */
        @WithDefault("5s")
        Duration maxAge();
    }

    /**
     * How Kafka consumers apply records ({@code io.prepline.platform.consumer}): transient database failures are
     * retried as long as they last, a record that can never be applied goes to the dead-letter topic.
     */
    interface Consumer {
        /** Build time: whether this service consumes with {@code Consumption} (it needs a database). */
        @WithDefault("false")
        boolean enabled();

        /** Where records that can never be applied go; {@code <quarkus.application.name>.dlq} when absent. */
        Optional<String> deadLetterTopic();

        /**
         * Calls of the work that may fail for another reason than a transient one (a constraint, a reference not
         * found, anything unexpected) before the record is dead-lettered. Transient failures do not count.
         */
        @WithDefault("5")
        int attempts();

        /** First wait after a failed call; doubles up to {@link #maxBackoff()}. */
        @WithDefault("100ms")
        Duration minBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** Longest wait for a row lock in one call (PostgreSQL lock_timeout); then the call fails and is retried. */
        @WithDefault("5s")
        Duration lockTimeout();

        /** Longest wait for the broker to acknowledge a dead letter before the send is tried again. */
        @WithDefault("10s")
        Duration sendTimeout();
    }

    /** Requests, as every service refuses them. */
    interface Http {
        /**
         * Largest request body, in bytes: above it 413 problem+json, from the Content-Length before the body is read,
         * or while a chunked body is read. Keep quarkus.http.limits.max-body-size above it, as a last guard.
         */
        @WithDefault("1048576")
        long maxBodyBytes();

        /**
         * Largest size of a request's headers together, in bytes (each counted as {@code name: value}): above it 431
         * problem+json naming the largest header. The HTTP decoder's own limit, which answers without a body, is
         * raised to four times this.
         */
        @WithDefault("20480")
        int maxHeaderBytes();

        /**
         * Refuse a JSON request without a body (400 invalid-json) before it reaches a resource: right where every
         * JSON request carries a document; off where some operations take no body but clients still send the type.
         */
        @WithDefault("false")
        boolean refuseEmptyJson();

        /**
         * What {@code Retry-After} tells a client refused for want of capacity: 503 while the database cannot serve,
         * 429 past a limit of the service (answer-service's open event streams).
         */
        @WithDefault("5s")
        Duration retryAfter();
    }

    /** The outbox relay that publishes committed events to Kafka. */
    interface Outbox {
        /** Build time: whether this service has an outbox (its tables and the writer and relay beans). */
        @WithDefault("false")
        boolean enabled();

        /** Whether this instance runs a relay (only the instance holding the advisory lock relays). */
        @WithDefault("true")
        boolean relay();

        /**
         * Longest pause between polls of an empty outbox: a commit of this instance ends it at once, so only events
         * committed by another instance of the service wait for it.
         */
        @WithDefault("100ms")
        Duration interval();

        /** Events sent per round trip. */
        @WithDefault("500")
        int batchSize();

        /** First wait after a failed round; doubles up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration minBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** Upper bound for a batch to be acknowledged before it is retried. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** PostgreSQL advisory lock key: only the instance holding it relays. */
        @WithDefault("7301001")
        long lockKey();

        /** CloudEvents source of the published events; {@code /<quarkus.application.name>} when absent. */
        Optional<String> source();

        /**
         * Largest event payload, in bytes, that the relay can publish (the producer's request limit is 1 MiB, and
         * the record carries a key and headers besides). Writers refuse larger events before anything is written.
         */
        @WithDefault("1000000")
        int maxPayloadBytes();
    }
}
