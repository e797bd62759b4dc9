package io.prepline.platform.tracing;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * One server span per REST request, named {@code <method> <route>} ({@code POST /api/v1/answers}), continuing the
 * caller's {@code traceparent} header when it sends one. For a method that runs on a worker thread the span is current
 * while it runs, so the outbox rows it writes and its log lines carry it; a reactive method gets the span without it
 * becoming current on the I/O thread, and runs its work in it through {@link RequestTrace}.
 */
public class RequestSpans {

    private static final String SPAN = RequestSpans.class.getName() + ".span";
    private static final String SCOPE = RequestSpans.class.getName() + ".scope";
    private static final Map<Method, Route> ROUTES = new ConcurrentHashMap<>();

    /** A resource method's route template, and whether it runs on the I/O thread. */
    private record Route(String template, boolean reactive) {
    }

    // providers: filters are created before the beans they use
    @Inject
    Provider<Tracer> tracer;
    @Inject
    Provider<RequestTrace> trace;

    @ServerRequestFilter
    public void start(ContainerRequestContext request, SimpleResourceInfo resource) {
        Route route = route(resource);
        if (route == null) {
            return;
        }
        String method = request.getMethod();
        Span span = tracer.get().spanBuilder(method + " " + route.template())
                .setParent(TraceHeaders.context(request.getHeaderString(TraceHeaders.TRACEPARENT)))
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("http.route", route.template())
                .startSpan();
        request.setProperty(SPAN, span);
        if (Arc.container().requestContext().isActive()) {
            trace.get().set(Context.current().with(span));
        }
        if (!route.reactive()) {
            request.setProperty(SCOPE, Spans.current(span));
        }
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(SPAN) instanceof Span span)) {
            return;
        }
        int status = response.getStatus();
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        // closed only on the thread it was opened on (where the span is still the current one)
        if (request.getProperty(SCOPE) instanceof Scope scope && Span.current() == span) {
            scope.close();
        }
        span.end();
    }

    private static Route route(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        try {
            Method method = resource.getResourceClass().getMethod(resource.getMethodName(),
                    resource.parameterTypes());
            return ROUTES.computeIfAbsent(method, RequestSpans::route);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Route route(Method method) {
        String template = "/" + path(method.getDeclaringClass().getAnnotation(Path.class)) + "/"
                + path(method.getAnnotation(Path.class));
        template = template.replaceAll("/+", "/");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        String type = method.getReturnType().getName();
        boolean reactive = type.startsWith("io.smallrye.mutiny.") || CompletionStage.class.isAssignableFrom(
                method.getReturnType());
        return new Route(template, reactive);
    }

    private static String path(Path path) {
        return path == null ? "" : path.value();
    }
}
