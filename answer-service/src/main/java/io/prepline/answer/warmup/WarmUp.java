package io.prepline.answer.warmup;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.prepline.answer.AnswerConfig;
import io.prepline.platform.outbox.OutboxRelayRunner;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs this service's hot paths before it reports ready ({@link WarmUpHealthCheck}): right after a start the code of
 * a submission (REST, token check, Hibernate, JSON, the score's storage) runs interpreted, and the first seconds'
 * submissions waited for it on a small machine. Each round is a {@link Rehearsal} (rolled back) and the
 * {@link LoopbackRequests}; at most {@code answer.warm-up.rounds}, for at most {@code answer.warm-up.max}; then the
 * outbox relay connects to the broker for the topics this service publishes. A failure
 * ends the warm-up (logged) and never keeps the service from becoming ready.
 */
@ApplicationScoped
public class WarmUp {

    /**
     * What the warm-up did: rounds rehearsed (each with a valid token verified), loopback requests answered as
     * expected, and how long it took.
     */
    public record Report(int rounds, int requests, long millis) {
    }

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final long WAIT_FOR_SERVER_MS = 20;

    @Inject
    AnswerConfig config;
    @Inject
    Rehearsal rehearsal;
    @Inject
    LoopbackRequests loopback;
    @Inject
    TokenRehearsal tokens;
    @Inject
    OutboxRelayRunner relay;
    /** This service's public interface and port (fixed outside tests, which call {@link #run} themselves). */
    @ConfigProperty(name = "quarkus.http.host")
    String host;
    @ConfigProperty(name = "quarkus.http.port")
    int port;

    private volatile Report report;

    void start(@Observes StartupEvent event) {
        if (!config.warmUp().enabled()) {
            report = new Report(0, 0, 0);
            return;
        }
        boolean everyInterface = host.equals("0.0.0.0") || host.equals("localhost") || host.equals("::");
        URI http = URI.create("http://" + (everyInterface ? "127.0.0.1" : host) + ":" + port);
        Thread thread = new Thread(() -> {
            try {
                report = run(http);
            } finally {
                // whatever happened, readiness does not wait for the warm-up any longer
                report = report == null ? new Report(0, 0, 0) : report;
            }
        }, "answer-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Empty until the warm-up has ended (at once when it is off). */
    public Optional<Report> report() {
        return Optional.ofNullable(report);
    }

    /** Runs the rounds (on the calling thread), sending the loopback requests to {@code http}, and logs them. */
    Report run(URI http) {
        long started = System.nanoTime();
        long deadline = started + config.warmUp().max().toNanos();
        int rounds = 0;
        int requests = 0;
        try {
            while (rounds < config.warmUp().rounds() && System.nanoTime() < deadline) {
                rehearsal.run(rounds);
                tokens.run(rounds);
                requests += loopback(http, deadline);
                rounds++;
            }
            // the relay's producer connects when the first event comes: connect it now
            relay.prepare(List.of(config.topics().submitted(), config.topics().decided()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf(e, "the warm-up failed after %d rounds; the first requests will find this service cold", rounds);
        }
        Report done = new Report(rounds, requests, (System.nanoTime() - started) / 1_000_000);
        LOG.infof("warmed up in %d ms: %d rounds of a rolled-back submission, score, reads and a valid token's"
                + " verification, %d loopback requests", done.millis(), done.rounds(), done.requests());
        return done;
    }

    /** The loopback requests, once the HTTP server listens (none if it does not before the deadline). */
    private int loopback(URI http, long deadline) throws IOException, InterruptedException {
        while (true) {
            try {
                return loopback.send(http);
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    return 0;
                }
                Thread.sleep(WAIT_FOR_SERVER_MS);
            }
        }
    }
}
