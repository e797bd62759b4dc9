package io.prepline.conformance;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every REST Assured response of a service's tests held to the service's own OpenAPI document
 * ({@link OpenApiContract}): installed once per test class loader (see {@link OpenApiConformanceCallback}), it fails
 * the request's test with the list of violations. Requests to the management interface ({@code /q/...}: health,
 * metrics, the document itself) and CORS preflights ({@code OPTIONS}, answered before any operation) are not part of
 * the API and are not checked.
 */
public final class OpenApiConformance implements Filter {

    private static OpenApiConformance installed;

    private final String management;
    private volatile OpenApiContract contract;

    private OpenApiConformance(String management) {
        this.management = management;
    }

    /** Adds the filter to REST Assured's global filters unless it is there already (for this management URI). */
    public static synchronized void install(String management) {
        if (installed != null && installed.management.equals(management)
                && RestAssured.filters().contains(installed)) {
            return;
        }
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.remove(installed);
        installed = new OpenApiConformance(management);
        filters.add(installed);
        RestAssured.replaceFiltersWith(filters);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/q/") || path.equals("/q") || request.getMethod().equals("OPTIONS")) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(h -> headers.computeIfAbsent(h.getName(), n -> new ArrayList<>())
                .add(h.getValue()));
        String body = response.getBody() == null ? null : response.getBody().asString();
        List<String> violations = contract().violations(request.getMethod(), path, response.getStatusCode(),
                headers, body);
        if (!violations.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered "
                    + response.getStatusCode() + " off the OpenAPI document: " + String.join("; ", violations)
                    + "\n" + (body == null ? "" : body.substring(0, Math.min(body.length(), 2000))));
        }
        return response;
    }

    private OpenApiContract contract() {
        OpenApiContract c = contract;
        if (c == null) {
            synchronized (this) {
                if (contract == null) {
                    contract = OpenApiContract.served(management);
                }
                c = contract;
            }
        }
        return c;
    }
}
