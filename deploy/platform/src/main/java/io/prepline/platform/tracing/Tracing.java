package io.prepline.platform.tracing;

import java.util.Optional;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.prepline.platform.PlatformConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's OpenTelemetry: the no-op implementation while {@code prepline.tracing.endpoint} names no collector (no
 * span is recorded, nothing is exported or tried), else the SDK exporting batches of spans over OTLP/gRPC. A
 * {@link SpanExporter} bean (the tests' in-memory exporter) takes the collector's place and gets every span as it ends.
 * Spans are named by the service ({@code service.name} is {@code quarkus.application.name}).
 */
@ApplicationScoped
public class Tracing {

    private static final Logger LOG = Logger.getLogger(Tracing.class);

    @Inject
    PlatformConfig config;
    @Inject
    Instance<SpanExporter> exporters;
    @ConfigProperty(name = "quarkus.application.name")
    String application;

    private SdkTracerProvider provider;

    @Produces
    @Singleton
    OpenTelemetry openTelemetry() {
        Optional<SpanProcessor> processor = processor();
        if (processor.isEmpty()) {
            return OpenTelemetry.noop();
        }
        provider = SdkTracerProvider.builder().addSpanProcessor(processor.get())
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), application))))
                .build();
        return OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    }

    @Produces
    @Singleton
    Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracer("io.prepline." + application);
    }

    private Optional<SpanProcessor> processor() {
        if (exporters.isResolvable()) {
            return Optional.of(SimpleSpanProcessor.create(exporters.get()));
        }
        return config.tracing().endpoint().map(endpoint -> {
            LOG.infof("tracing: spans go to %s", endpoint);
            return BatchSpanProcessor.builder(OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build())
                    .setScheduleDelay(config.tracing().exportDelay()).build();
        });
    }

    @PreDestroy
    void close() {
        if (provider != null) {
            provider.close();
        }
    }
}
