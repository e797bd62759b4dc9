package io.prepline.review.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the pipeline runs with the whole catalogue loaded: before that, submissions would wait. */
@Readiness
@ApplicationScoped
public class ScoringStreamsHealthCheck implements HealthCheck {

    static final String NAME = "Scoring pipeline";

    private final ScoringStreams streams;

    ScoringStreamsHealthCheck(ScoringStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        ScoringStreams.Status status = streams.status();
        return HealthCheckResponse.named(NAME)
                .status(status.ready())
                .withData("state", status.state())
                .withData("catalogueLoaded", status.catalogueLoaded())
                .build();
    }
}
