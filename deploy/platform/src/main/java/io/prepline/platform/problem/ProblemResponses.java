package io.prepline.platform.problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The error responses of every operation in a service's OpenAPI document, as {@code application/problem+json} with the
 * {@link Problem} schema. A resource declares the errors of its domain (404, 409, 412, 422, 428, ...) with a
 * description; this filter gives them the media type and schema, and adds the errors every operation of a kind can
 * produce: 401 (a missing or invalid token, or an invalid one where none is needed), 403 for one limited to roles,
 * 413 and 415 for one with a body, 400 (the body's errors for one with a body), 406, 431, 500 and 503 for all.
 * <p>
 * Quarkus derives an operation's security requirement from {@code @RolesAllowed} and {@code @Authenticated} and lists
 * the roles where OAuth scopes go. The bearer scheme has no scopes, so the roles move to the operation's description
 * and its 403.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    // what Quarkus writes for the 401 and 403 it adds to a secured operation
    private static final String QUARKUS_401 = "Not Authorized";
    private static final String QUARKUS_403 = "Not Allowed";
    private static final String QUARKUS_400 = "Bad Request";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey(SCHEMA)) {
            throw new IllegalStateException("the OpenAPI document has no " + SCHEMA + " schema to refer errors to");
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            path.getOperations().values().forEach(ProblemResponses::complete);
        }
    }

    private static void complete(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            secured(operation, rolesOutOfScopes(operation));
        } else {
            add(responses, ProblemType.UNAUTHORIZED, "A bearer token that is invalid or expired; none is needed");
        }
        if (operation.getRequestBody() != null) {
            withBody(responses);
        }
        add(responses, ProblemType.INVALID_REQUEST, "A malformed request URI or an invalid parameter, named in errors");
        add(responses, ProblemType.REQUEST_HEADERS_TOO_LARGE,
                "The request's headers together are larger than the service accepts; errors names the largest");
        add(responses, ProblemType.NOT_ACCEPTABLE, "The Accept header names no media type the operation answers with");
        add(responses, ProblemType.INTERNAL_ERROR, "An unexpected failure, logged by the service");
        add(responses, ProblemType.UNAVAILABLE,
                "The database cannot serve right now (unreachable, frozen, out of connections); Retry-After says when"
                        + " to try again");
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.forEach((status, response) -> {
            if (isError(status)) {
                asProblem(response);
            }
        });
        responses.setAPIResponses(sorted);
    }

    /** The roles Quarkus listed as scopes of the bearer scheme, which takes none; they are removed from it. */
    private static List<String> rolesOutOfScopes(Operation operation) {
        Set<String> roles = new LinkedHashSet<>();
        List<SecurityRequirement> cleaned = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement without = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes == null ? List.of() : scopes);
                without.addScheme(scheme, List.of());
            });
            cleaned.add(without);
        }
        operation.setSecurity(cleaned);
        return List.copyOf(roles);
    }

    private static void secured(Operation operation, List<String> roles) {
        APIResponses responses = operation.getResponses();
        describeDefault(responses, "401", QUARKUS_401,
                describe(ProblemType.UNAUTHORIZED, "No bearer token, or an invalid or expired one"));
        if (roles.isEmpty()) {
            // any signed-in user may call it: the 403 Quarkus adds to every secured operation cannot happen
            APIResponse forbidden = responses.getAPIResponse("403");
            if (forbidden != null && QUARKUS_403.equals(forbidden.getDescription()) && forbidden.getContent() == null) {
                responses.removeAPIResponse("403");
            }
            return;
        }
        String names = String.join(", ", roles);
        String rolesSentence = "Roles: " + names + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? rolesSentence
                : description.strip() + "\n\n" + rolesSentence);
        String refusal = "the token has none of the roles " + names + " (" + ProblemType.FORBIDDEN.slug() + ")";
        APIResponse forbidden = responses.getAPIResponse("403");
        if (forbidden == null || QUARKUS_403.equals(forbidden.getDescription())) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().description(capitalized(refusal)));
        } else {
            forbidden.setDescription(forbidden.getDescription().strip() + ", or " + refusal);
        }
    }

    private static void withBody(APIResponses responses) {
        describeDefault(responses, "400", QUARKUS_400,
                "The body is not JSON of the documented shape (" + ProblemType.INVALID_JSON.slug() + ", "
                        + ProblemType.UNKNOWN_FIELD.slug() + ") or a field is invalid ("
                        + ProblemType.INVALID_REQUEST.slug() + "); errors names each field");
        add(responses, ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than the service accepts");
        add(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json");
    }

    /** Adds the response of a shared type unless the resource declared its own for that status. */
    private static void add(APIResponses responses, ProblemType type, String when) {
        String status = Integer.toString(type.status());
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(describe(type, when)));
        }
    }

    /** Like {@link #add}, and replaces the placeholder description Quarkus gives a response it adds by itself. */
    private static void describeDefault(APIResponses responses, String status, String quarkusDescription,
                                        String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (quarkusDescription.equals(response.getDescription())) {
            response.setDescription(description);
        }
    }

    private static String describe(ProblemType type, String when) {
        return when + " (" + type.slug() + ")";
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /**
     * For a service's own OpenAPI filter: adds a problem response for the status to every operation, or appends
     * {@code when} to the description of the one the operation has, so that a refusal of a service-wide filter (a
     * partner key's, say) is documented everywhere it can happen.
     */
    public static void addEverywhere(OpenAPI openAPI, ProblemType type, String when) {
        if (openAPI.getPaths() == null) {
            return;
        }
        String status = Integer.toString(type.status());
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                APIResponse response = operation.getResponses() == null ? null
                        : operation.getResponses().getAPIResponse(status);
                if (response == null) {
                    if (operation.getResponses() == null) {
                        operation.setResponses(OASFactory.createAPIResponses());
                    }
                    response = OASFactory.createAPIResponse().description(describe(type, when));
                    operation.getResponses().addAPIResponse(status, response);
                } else {
                    response.setDescription(response.getDescription().strip() + "; or " + describe(type, when));
                }
                asProblem(response);
            }
        }
    }

    /** The response's body is a Problem as application/problem+json; examples the resource gave are kept. */
    private static void asProblem(APIResponse response) {
        MediaType declared = response.getContent() == null ? null
                : response.getContent().getMediaType(Problem.MEDIA_TYPE);
        MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA));
        if (declared != null) {
            problem.setExamples(declared.getExamples());
            problem.setExample(declared.getExample());
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
