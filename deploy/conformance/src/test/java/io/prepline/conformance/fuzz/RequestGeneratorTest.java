package io.prepline.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.conformance.SampleDocument;
import org.junit.jupiter.api.Test;

class RequestGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("candidate", "admin");

    private final Harvest harvest = new Harvest(1);
    private final RequestGenerator generator;

    RequestGeneratorTest() throws Exception {
        JsonNode document = JSON.readTree(SampleDocument.json());
        generator = new RequestGenerator(document, harvest, ROLES, 7);
    }

    @Test
    void everyOperationIsCalledValidlyByEveryCaller() throws Exception {
        List<FuzzRequest> requests = new ArrayList<>();
        generator.operations().forEach(op -> generator.valid(op, requests::add));
        assertEquals(10, requests.size());
        assertEquals(Set.of("candidate", "admin", "none", "expired", "garbage"),
                requests.stream().map(FuzzRequest::caller).collect(Collectors.toSet()));
        FuzzRequest create = requests.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        JsonNode body = JSON.readTree(create.body());
        assertTrue(body.get("slug").asText().length() >= 3, create.body());
        assertEquals("A", body.get("kind").asText());
        assertEquals("application/json", create.headers().get("Content-Type"));
    }

    @Test
    void boundariesAndWrongTypesReachEveryParameterAndField() {
        List<FuzzRequest> requests = new ArrayList<>();
        generator.operations().forEach(op -> generator.systematic(op, requests::add));
        List<String> targets = requests.stream().map(FuzzRequest::target).toList();
        List<String> bodies = requests.stream().map(FuzzRequest::body).filter(b -> b != null).toList();
        assertTrue(targets.contains("/api/v1/things/" + "x".repeat(11)), "maxLength + 1 in the path");
        assertTrue(targets.stream().anyMatch(t -> t.endsWith("limit=101")), "maximum + 1 in the query");
        assertTrue(targets.stream().anyMatch(t -> t.endsWith("limit=0")), "minimum - 1 in the query");
        assertTrue(bodies.stream().anyMatch(b -> b.contains("\"count\":6")), "maximum + 1 in the body");
        assertTrue(bodies.stream().anyMatch(b -> b.contains("\"kind\":\"NOT_ONE_OF_THEM\"")), "not in the enum");
        assertTrue(bodies.stream().anyMatch(b -> b.contains("\"slug\":12345")), "a number for a string");
        assertTrue(bodies.stream().anyMatch(b -> b.contains("\"owner\":{\"name\":null}")), "a nested field");
        assertTrue(bodies.stream().anyMatch(b -> !b.contains("\"slug\"") && b.startsWith("{\"")),
                "a required field left out");
        assertTrue(bodies.stream().anyMatch(b -> b.length() > 50_000), "a long body");
        assertTrue(requests.stream().anyMatch(r -> "text/plain".equals(r.headers().get("Content-Type"))));
    }

    @Test
    void harvestedIdsAreUsedForPathParametersAndIdFields() throws Exception {
        harvest.take(JSON.readTree("{\"items\":[{\"slug\":\"known\",\"questionId\":\"q-1\"}]}"));
        List<FuzzRequest> requests = new ArrayList<>();
        generator.operations().forEach(op -> generator.valid(op, requests::add));
        assertTrue(requests.stream().anyMatch(r -> r.path().equals("/api/v1/things/known")));
    }

    @Test
    void randomRequestsAreRepeatableForASeed() throws Exception {
        JsonNode document = JSON.readTree(SampleDocument.json());
        RequestGenerator again = new RequestGenerator(document, harvest, ROLES, 7);
        List<RequestGenerator.Operation> operations = generator.operations();
        for (int i = 0; i < 20; i++) {
            FuzzRequest one = generator.random(operations);
            FuzzRequest other = again.random(again.operations());
            assertEquals(one.shown(), other.shown());
        }
    }
}
