package io.prepline.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One service instance as a process of its own, started from its packaged application ({@code target/quarkus-app}) as
 * {@code deploy/local/run} starts it. It keeps its ports, settings and log across a kill and a restart.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int httpPort;
    private final int managementPort;
    private final Map<String, String> environment;
    private final List<String> javaOptions;
    private final Path log;
    private Process process;

    /**
     * @param name        the instance's name in logs and reports ({@code review-worker-2})
     * @param environment the service's settings (servers, key, ...); the ports are added here
     */
    public ServiceProcess(String name, Path jar, int httpPort, int managementPort, Map<String, String> environment,
                          List<String> javaOptions, Path log) {
        this.name = name;
        this.jar = jar;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
        this.javaOptions = List.copyOf(javaOptions);
        this.log = log;
    }

    public String name() {
        return name;
    }

    /** The base URL of the service's API. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Where the service answers {@code /q/health}: its management port (the API port does not serve {@code /q}). */
    public String healthUrl() {
        return "http://127.0.0.1:" + managementPort + "/q/health";
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " starting " + name + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the service reports ready. */
    public void awaitReady(Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(healthUrl() + "/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(end)) {
            if (!alive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Sleep.millis(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no leaving the consumer group, nothing flushed. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM: the service shuts down as it would on a rolling update. */
    public void stop() {
        terminate();
        awaitExit();
    }

    /** SIGTERM to each of {@code services} at once, then waits until all are gone: they shut down side by side. */
    public static void stopAll(Collection<ServiceProcess> services) {
        services.forEach(ServiceProcess::terminate);
        services.forEach(ServiceProcess::awaitExit);
    }

    private synchronized void terminate() {
        if (process != null) {
            process.destroy();
        }
    }

    private synchronized void awaitExit() {
        if (process != null) {
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (" + url() + ")";
    }
}
