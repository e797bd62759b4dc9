package io.prepline.review.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

/**
 * What the pipeline tells operators about its scoring: a span per scored submission in the submission's trace, and
 * the scoring time per answer ({@code prepline_scoring_seconds}) and per unit the answer was read as
 * ({@code prepline_scoring_unit_seconds}), both histograms.
 */
public record ScoringTelemetry(Tracer tracer, Timer perAnswer, Timer perUnit) {

    public static ScoringTelemetry of(Tracer tracer, MeterRegistry registry) {
        Timer perAnswer = Timer.builder("prepline.scoring").description("Time to score one answer")
                .serviceLevelObjectives(seconds(0.01), seconds(0.025), seconds(0.05), seconds(0.1), seconds(0.25),
                        seconds(0.5), seconds(1), seconds(2.5), seconds(5), seconds(10))
                .register(registry);
        Timer perUnit = Timer.builder("prepline.scoring.unit")
                .description("Time to score one unit (paragraph, list item or sentence) of an answer")
                .serviceLevelObjectives(seconds(0.0005), seconds(0.001), seconds(0.0025), seconds(0.005),
                        seconds(0.01), seconds(0.025), seconds(0.05), seconds(0.1), seconds(0.25))
                .register(registry);
        return new ScoringTelemetry(tracer, perAnswer, perUnit);
    }

    /** No spans, and times kept in a registry nobody reads: for tests of the topology alone. */
    public static ScoringTelemetry none() {
        return of(OpenTelemetry.noop().getTracer("review-worker"), new SimpleMeterRegistry());
    }

    void scored(long nanos, int units) {
        perAnswer.record(nanos, TimeUnit.NANOSECONDS);
        if (units > 0) {
            perUnit.record(nanos / units, TimeUnit.NANOSECONDS);
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }
}
