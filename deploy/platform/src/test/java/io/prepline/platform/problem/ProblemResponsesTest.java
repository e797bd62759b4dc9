package io.prepline.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void anOperationLimitedToRolesGetsItsSecurityErrorsAndTheRolesMoveOutOfTheScopes() {
        Operation operation = operation("Score a draft");
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement()
                .addScheme("SecurityScheme", List.of("author", "reviewer")));
        // what Quarkus adds to a secured operation
        operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"));
        operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed"));

        filter(operation);

        assertEquals(Map.of("SecurityScheme", List.of()), operation.getSecurity().get(0).getSchemes());
        assertEquals("Score a draft\n\nRoles: author, reviewer.", operation.getDescription());
        assertEquals(List.of("200", "400", "401", "403", "406", "431", "500", "503"), List.copyOf(operation.getResponses().getAPIResponses().keySet()));
        assertEquals("No bearer token, or an invalid or expired one (unauthorized)", response(operation, "401").getDescription());
        assertEquals("The token has none of the roles author, reviewer (forbidden)", response(operation, "403").getDescription());
        assertProblems(operation);
    }

    @Test
    void anOperationForAnySignedInUserHasNo403UnlessItsResourceDeclaresOne() {
        Operation anyone = operation(null);
        anyone.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", List.of()));
        anyone.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed"));
        Operation ownAnswer = operation(null);
        ownAnswer.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", List.of("reviewer")));
        ownAnswer.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("One's own answer (own-answer)"));

        filter(anyone, ownAnswer);

        assertFalse(anyone.getResponses().hasAPIResponse("403"));
        assertTrue(anyone.getResponses().hasAPIResponse("401"));
        assertNull(anyone.getDescription());
        assertEquals("One's own answer (own-answer), or the token has none of the roles reviewer (forbidden)",
                response(ownAnswer, "403").getDescription());
    }

    @Test
    void anOperationWithABodyGetsItsBodyErrorsAndDeclaredErrorsKeepTheirDescriptionAndExamples() {
        Operation operation = operation("Create");
        operation.setRequestBody(OASFactory.createRequestBody());
        Example example = OASFactory.createExample().value("{\"type\": \"https://prepline.io/problems/not-found\"}");
        operation.getResponses().addAPIResponse("404", OASFactory.createAPIResponse().description("No such question")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().addExample("not-found", example))));
        operation.getResponses().addAPIResponse("409", OASFactory.createAPIResponse().description("Taken")
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType())));
        operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse().description("Bad Request"));

        filter(operation);

        assertEquals(List.of("200", "400", "401", "404", "406", "409", "413", "415", "431", "500", "503"),
                List.copyOf(operation.getResponses().getAPIResponses().keySet()));
        assertTrue(response(operation, "400").getDescription().contains("(invalid-json, unknown-field)"));
        assertEquals("No such question", response(operation, "404").getDescription());
        assertEquals(example, problem(operation, "404").getExamples().get("not-found"));
        assertEquals("Taken", response(operation, "409").getDescription());
        assertProblems(operation);
        assertNull(operation.getSecurity());
        assertTrue(response(operation, "401").getDescription().contains("none is needed"));
    }

    @Test
    void aDocumentWithoutTheProblemSchemaIsRefused() {
        OpenAPI document = OASFactory.createOpenAPI().components(OASFactory.createComponents());
        assertThrows(IllegalStateException.class, () -> new ProblemResponses().filterOpenAPI(document));
    }

    private static Operation operation(String description) {
        return OASFactory.createOperation().description(description).responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }

    private static void filter(Operation... operations) {
        OpenAPI document = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Problem", OASFactory.createSchema()))
                .paths(OASFactory.createPaths());
        for (int i = 0; i < operations.length; i++) {
            document.getPaths().addPathItem("/p" + i, OASFactory.createPathItem().POST(operations[i]));
        }
        new ProblemResponses().filterOpenAPI(document);
    }

    private static APIResponse response(Operation operation, String status) {
        return operation.getResponses().getAPIResponse(status);
    }

    private static MediaType problem(Operation operation, String status) {
        return response(operation, status).getContent().getMediaType(Problem.MEDIA_TYPE);
    }

    /** Every error response is problem+json with the Problem schema, and nothing else. */
    private static void assertProblems(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                assertEquals(List.of(Problem.MEDIA_TYPE), List.copyOf(response.getContent().getMediaTypes().keySet()),
                        status);
                assertEquals("#/components/schemas/Problem", problem(operation, status).getSchema().getRef(), status);
            }
        });
    }
}
