package io.prepline.platform;

import io.prepline.platform.problem.MalformedUris;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every service (found through the platform's index): Quarkus' own start, except that the check
 * of the request URI moves from the HTTP server, which refuses a malformed one with an empty 400, to
 * {@link MalformedUris}, which refuses it with a 400 problem. The switch must be set before Quarkus starts.
 */
@QuarkusMain
public final class ServiceMain {

    private ServiceMain() {
    }

    public static void main(String... args) {
        MalformedUris.checkInRouter();
        Quarkus.run(args);
    }
}
