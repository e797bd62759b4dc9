package io.prepline.platform.tracing;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, the variable every OpenTelemetry SDK reads, as
 * {@code prepline.tracing.endpoint}: tracing is off until it names a collector. Its ordinal puts it above {@code application.properties} and below the
 * environment's own properties ({@code PREPLINE_TRACING_ENDPOINT} still wins).
 */
public class CollectorConfigSource implements ConfigSource {

    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final int ORDINAL = 275;

    private final Map<String, String> values;

    public CollectorConfigSource() {
        this(System.getenv(ENDPOINT));
    }

    CollectorConfigSource(String endpoint) {
        values = endpoint == null || endpoint.isBlank() ? Map.of()
                : Map.of("prepline.tracing.endpoint", endpoint.strip());
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "the collector named by " + ENDPOINT;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
