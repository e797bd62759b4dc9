package io.prepline.answer.warmup;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the warm-up has ended (bounded by {@code answer.warm-up.max}), so traffic finds the code warm. */
@Readiness
@ApplicationScoped
public class WarmUpHealthCheck implements HealthCheck {

    static final String NAME = "Warm-up";

    private final WarmUp warmUp;

    WarmUpHealthCheck(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).down();
        warmUp.report().ifPresent(report -> response.up()
                .withData("rounds", report.rounds())
                .withData("loopbackRequests", report.requests())
                .withData("millis", report.millis()));
        return response.build();
    }
}
