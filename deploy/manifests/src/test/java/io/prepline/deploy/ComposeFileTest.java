package io.prepline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * deploy/compose/docker-compose.yml against the Compose Specification's JSON schema (what {@code docker compose
 * config} checks where Docker is installed), and against the rest of the deployment: the image, the ports, the
 * topics.
 */
class ComposeFileTest {

    private static final String COMPOSE_DIRECTORY = "deploy/compose";
    private static final Path COMPOSE_FILE = Repository.file(COMPOSE_DIRECTORY + "/docker-compose.yml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = composeSchema();

    @Test
    void theComposeFileFollowsTheComposeSpecification() {
        assertEquals(List.of(), errors(COMPOSE_FILE));
    }

    static Stream<Path> brokenComposeFiles() {
        return BrokenExamples.in("broken-compose");
    }

    @ParameterizedTest
    @MethodSource("brokenComposeFiles")
    void theSchemaRefusesABrokenComposeFile(Path example) {
        BrokenExamples.assertRefused(example, errors(example));
    }

    @Test
    void eachServiceRunsWithTheJvmOptionsItIsMeasuredWith() {
        Map<String, Object> services = services();
        Map<String, String> expected = JvmOptions.byService();
        for (Services service : Services.ALL) {
            Map<String, Object> environment = Tree.map(Tree.map(services, service.name()), "environment");
            assertEquals(expected.get(service.name()), environment.get("JAVA_OPTS_APPEND"), service.name());
        }
    }

    @Test
    void theServicesAreBuiltFromTheJvmDockerfileAndRunHardened() {
        Map<String, Object> services = services();
        String pom = Repository.read("pom.xml");
        for (Services expected : Services.ALL) {
            String name = expected.name();
            Map<String, Object> service = Tree.map(services, name);
            Path context = Repository.file(COMPOSE_DIRECTORY).resolve(Tree.text(service, "build", "context")).normalize();
            assertTrue(Files.isRegularFile(context.resolve(Tree.text(service, "build", "dockerfile"))), name + " Dockerfile");
            assertEquals("deploy/docker/Dockerfile.jvm", Tree.text(service, "build", "dockerfile"), name);
            assertEquals(name, Tree.text(service, "build", "args", "MODULE"), name);
            assertTrue(pom.contains("<module>" + name + "</module>"), name + " is not a module of the build");
            assertEquals(List.of(expected.apiPort() + ":" + expected.apiPort(),
                    expected.managementPort() + ":" + expected.managementPort()), Tree.list(service, "ports"), name);
            assertEquals("service_completed_successfully", Tree.text(service, "depends_on", "topics", "condition"), name);
            assertEquals(true, Tree.at(service, "read_only"), name);
            assertEquals(List.of("ALL"), Tree.list(service, "cap_drop"), name);
            assertTrue(Tree.list(service, "tmpfs").stream().map(String::valueOf)
                    .anyMatch(t -> t.startsWith("/tmp:") && t.contains("exec") && !t.contains("noexec")),
                    name + " needs a /tmp that allows native libraries");
        }
    }

    @Test
    void kafkaRunsInKraftModeAndTheTopicsAreCreatedByTheKubernetesJobsScript() {
        Map<String, Object> services = services();
        assertTrue(Tree.text(services, "kafka", "environment", "KAFKA_PROCESS_ROLES").contains("controller"));
        Map<String, Object> topics = Tree.map(services, "topics");
        assertEquals("service_healthy", Tree.text(topics, "depends_on", "kafka", "condition"));
        String mount = String.valueOf(Tree.list(topics, "volumes").getFirst());
        String source = mount.substring(0, mount.indexOf(':'));
        String target = mount.substring(mount.indexOf(':') + 1).replaceFirst(":ro$", "");
        assertEquals(Repository.file("deploy/k8s/topics"), Repository.file(COMPOSE_DIRECTORY).resolve(source).normalize());
        assertEquals(List.of("/bin/sh", target + "/create-topics.sh"), Tree.list(topics, "entrypoint"));
    }

    private static Map<String, Object> services() {
        return Tree.map(Yaml.document(COMPOSE_FILE), "services");
    }

    private static List<String> errors(Path composeFile) {
        return SCHEMA.validate(JSON.valueToTree(Yaml.document(composeFile))).stream().map(Error::toString).toList();
    }

    /** The schema's relative $id (compose_spec.json) resolves against where it is read from. */
    private static Schema composeSchema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
    }
}
