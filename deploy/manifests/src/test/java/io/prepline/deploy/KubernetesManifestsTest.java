package io.prepline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.prepline.deploy.KubernetesManifests.Manifest;

class KubernetesManifestsTest {

    @Test
    void everyObjectMatchesTheKubernetesApiSchema() {
        List<String> problems = KubernetesManifests.all().stream()
                .flatMap(m -> KubernetesSchema.problem(m.object()).map(p -> m + ": " + p).stream())
                .toList();
        assertEquals(List.of(), problems);
        assertFalse(KubernetesManifests.all().isEmpty(), "the manifests were not found");
    }

    static Stream<Path> brokenManifests() {
        return BrokenExamples.in("broken-k8s");
    }

    @ParameterizedTest
    @MethodSource("brokenManifests")
    void theSchemaCheckRefusesABrokenManifest(Path example) {
        BrokenExamples.assertRefused(example, KubernetesSchema.problem(Yaml.document(example)).stream().toList());
    }

    @Test
    void theKustomizationAppliesEveryManifestAndItsGeneratedFilesExist() {
        List<String> files = KubernetesManifests.yamlFiles(Repository.file(KubernetesManifests.DIRECTORY)).stream()
                .map(f -> f.getFileName().toString()).filter(f -> !f.equals("kustomization.yaml")).toList();
        assertEquals(Set.copyOf(files), Set.copyOf(KubernetesManifests.resourceFiles()));
        Tree.maps(KubernetesManifests.kustomization(), "configMapGenerator").stream()
                .flatMap(generator -> Tree.list(generator, "files").stream())
                .forEach(f -> assertTrue(Files.isRegularFile(Repository.file(KubernetesManifests.DIRECTORY + "/" + f)),
                        "configMapGenerator file " + f));
    }

    @Test
    void everyPodRunsAsNonRootOnAReadOnlyRootWithoutCapabilities() {
        for (Manifest workload : KubernetesManifests.workloads()) {
            Map<String, Object> pod = Tree.map(workload.podTemplate(), "spec");
            assertEquals(true, Tree.at(pod, "securityContext", "runAsNonRoot"), workload + " runAsNonRoot");
            assertEquals("RuntimeDefault", Tree.text(pod, "securityContext", "seccompProfile", "type"),
                    workload + " seccomp");
            assertEquals(false, Tree.at(pod, "automountServiceAccountToken"), workload + " service account token");
            for (Map<String, Object> container : Tree.maps(pod, "containers")) {
                String where = workload + " container " + Tree.text(container, "name");
                assertEquals(true, Tree.at(container, "securityContext", "readOnlyRootFilesystem"), where);
                assertEquals(false, Tree.at(container, "securityContext", "allowPrivilegeEscalation"), where);
                assertEquals(List.of("ALL"), Tree.list(container, "securityContext", "capabilities", "drop"), where);
                assertEquals(List.of(), Tree.list(container, "securityContext", "capabilities", "add"), where);
                assertTrue(emptyDirMountedAt(pod, container, "/tmp"), where + " has no writable /tmp");
                assertTrue(Tree.at(container, "resources", "limits", "memory") != null, where + " memory limit");
            }
        }
    }

    @Test
    void eachServiceRunsWithTheJvmOptionsItIsMeasuredWith() {
        Map<String, String> expected = JvmOptions.byService();
        assertEquals(Set.of("question-service"), expected.keySet(), "deploy/lib/jvm.sh");
        for (Services service : Services.ALL) {
            Map<String, Object> pod = Tree.map(deployment(service.name()).podTemplate(), "spec");
            Map<String, Object> container = Tree.maps(pod, "containers").getFirst();
            assertEquals(expected.get(service.name()), env(container).get("JAVA_OPTS_APPEND"), service.name());
        }
        assertTrue(Repository.read("deploy/docker/Dockerfile.jvm").contains("exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar"),
                "the image does not pass JAVA_OPTS_APPEND to the JVM");
    }

    @Test
    void reviewWorkerKeepsItsStreamsStateOnAWritableVolume() {
        Manifest worker = deployment("review-worker");
        Map<String, Object> pod = Tree.map(worker.podTemplate(), "spec");
        Map<String, Object> container = Tree.maps(pod, "containers").getFirst();
        String stateDir = env(container).get("REVIEW_STREAMS_STATE_DIR");
        assertTrue(stateDir != null, "REVIEW_STREAMS_STATE_DIR is not set");
        assertTrue(Tree.maps(container, "volumeMounts").stream()
                        .anyMatch(m -> stateDir.startsWith(Tree.text(m, "mountPath") + "/")
                                && emptyDirMountedAt(pod, container, Tree.text(m, "mountPath"))),
                "no emptyDir holds " + stateDir);
    }

    @Test
    void servicesAreProbedAndScrapedOnTheirManagementPort() {
        for (Services expected : Services.ALL) {
            String name = expected.name();
            Manifest deployment = deployment(name);
            Map<String, Object> template = deployment.podTemplate();
            Map<String, Object> container = Tree.maps(template, "spec", "containers").getFirst();
            Map<String, Integer> containerPorts = namedPorts(container);
            assertEquals(Map.of("http", expected.apiPort(), "management", expected.managementPort()), containerPorts, name);
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertEquals("management", Tree.text(container, probe, "httpGet", "port"), name + " " + probe);
            }
            assertEquals("/q/health/started", Tree.text(container, "startupProbe", "httpGet", "path"), name);
            assertEquals("/q/health/ready", Tree.text(container, "readinessProbe", "httpGet", "path"), name);
            assertEquals("/q/health/live", Tree.text(container, "livenessProbe", "httpGet", "path"), name);
            Map<String, Object> annotations = Tree.map(template, "metadata", "annotations");
            assertEquals("true", annotations.get("prometheus.io/scrape"), name);
            assertEquals(String.valueOf(expected.managementPort()), annotations.get("prometheus.io/port"), name);
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), name);
            Manifest service = named("Service", name);
            assertEquals(Set.of("http", "management"), Set.copyOf(Tree.maps(service.object(), "spec", "ports").stream()
                    .map(p -> Tree.text(p, "targetPort")).toList()), name + " service ports");
        }
    }

    @Test
    void selectorsAndTargetsPointAtWorkloadsThatExist() {
        for (Manifest deployment : KubernetesManifests.ofKind("Deployment")) {
            assertTrue(Selectors.selects(Tree.map(deployment.object(), "spec", "selector"), labels(deployment)),
                    deployment + " does not select its own pods");
        }
        for (Manifest service : KubernetesManifests.ofKind("Service")) {
            Map<String, Object> selector = Map.of("matchLabels", Tree.map(service.object(), "spec", "selector"));
            Manifest target = selected(selector).stream().findFirst()
                    .orElseThrow(() -> new AssertionError(service + " selects no pods"));
            Map<String, Integer> ports = namedPorts(Tree.maps(target.podTemplate(), "spec", "containers").getFirst());
            Tree.maps(service.object(), "spec", "ports").forEach(p -> assertTrue(
                    ports.containsKey(Tree.text(p, "targetPort")), service + " targets " + p));
        }
        for (Manifest budget : KubernetesManifests.ofKind("PodDisruptionBudget")) {
            assertFalse(selected(Tree.map(budget.object(), "spec", "selector")).isEmpty(), budget + " selects no pods");
        }
        for (Manifest autoscaler : Stream.concat(KubernetesManifests.ofKind("HorizontalPodAutoscaler").stream(),
                KubernetesManifests.optional().stream().filter(m -> m.is("HorizontalPodAutoscaler"))).toList()) {
            Manifest target = named(Tree.text(autoscaler.object(), "spec", "scaleTargetRef", "kind"),
                    Tree.text(autoscaler.object(), "spec", "scaleTargetRef", "name"));
            assertEquals(null, Tree.at(target.object(), "spec", "replicas"),
                    target + " sets replicas, which the autoscaler owns");
        }
    }

    @Test
    void mountsAndReferencesPointAtVolumesConfigMapsAndDocumentedSecrets() {
        String readme = Repository.read("deploy/README.md");
        Set<String> configMaps = new HashSet<>(KubernetesManifests.generatedConfigMaps());
        KubernetesManifests.ofKind("ConfigMap").forEach(m -> configMaps.add(m.name()));
        for (Manifest workload : KubernetesManifests.workloads()) {
            Map<String, Object> pod = Tree.map(workload.podTemplate(), "spec");
            Set<String> volumes = new HashSet<>();
            for (Map<String, Object> volume : Tree.maps(pod, "volumes")) {
                volumes.add(Tree.text(volume, "name"));
                references(volume, "configMap", "name").forEach(n -> assertConfigMap(n, configMaps, readme, workload));
                references(volume, "secret", "secretName").forEach(n -> assertDocumented(n, readme, workload));
            }
            for (Map<String, Object> container : Tree.maps(pod, "containers")) {
                Tree.maps(container, "volumeMounts").forEach(m -> assertTrue(volumes.contains(Tree.text(m, "name")),
                        workload + " mounts " + m + " without a volume"));
                for (Map<String, Object> source : Tree.maps(container, "envFrom")) {
                    references(source, "configMapRef", "name").forEach(n -> assertConfigMap(n, configMaps, readme, workload));
                    references(source, "secretRef", "name").forEach(n -> assertDocumented(n, readme, workload));
                }
                for (Map<String, Object> variable : Tree.maps(container, "env")) {
                    references(variable, "valueFrom", "configMapKeyRef", "name")
                            .forEach(n -> assertConfigMap(n, configMaps, readme, workload));
                    references(variable, "valueFrom", "secretKeyRef", "name").forEach(n -> assertDocumented(n, readme, workload));
                }
            }
        }
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowOnlyTheDependencies() {
        List<Manifest> policies = KubernetesManifests.ofKind("NetworkPolicy");
        assertTrue(policies.stream().anyMatch(p -> Tree.at(p.object(), "spec", "ingress") == null
                        && Tree.at(p.object(), "spec", "egress") == null
                        && Tree.list(p.object(), "spec", "policyTypes").containsAll(List.of("Ingress", "Egress"))
                        && Selectors.selects(Tree.map(p.object(), "spec", "podSelector"), Map.of("part-of", "prepline"))),
                "no default-deny policy for part-of: prepline");
        KubernetesManifests.workloads().forEach(w -> assertEquals("prepline", labels(w).get("part-of"), w.toString()));

        Set<Object> egressPorts = new HashSet<>();
        for (Manifest policy : policies) {
            List<Manifest> pods = selected(Tree.map(policy.object(), "spec", "podSelector"));
            assertFalse(pods.isEmpty(), policy + " selects no pods");
            for (Map<String, Object> rule : Tree.maps(policy.object(), "spec", "ingress")) {
                for (Map<String, Object> port : Tree.maps(rule, "ports")) {
                    pods.forEach(pod -> assertTrue(namedPorts(firstContainer(pod)).containsKey(Tree.text(port, "port")),
                            policy + " lets in port " + port + " that " + pod + " does not name"));
                }
            }
            for (Map<String, Object> rule : Tree.maps(policy.object(), "spec", "egress")) {
                Tree.maps(rule, "ports").forEach(port -> egressPorts.add(Tree.at(port, "port")));
                if (Tree.maps(rule, "ports").stream().anyMatch(port -> Integer.valueOf(5432).equals(Tree.at(port, "port")))) {
                    assertEquals(Set.of("question-service", "answer-service"),
                            Set.copyOf(pods.stream().map(KubernetesManifests.Manifest::name).toList()),
                            "who reaches PostgreSQL");
                }
            }
        }
        // DNS, Kafka, PostgreSQL, the OpenTelemetry collector (gRPC, HTTP): nothing else leaves a Prepline pod
        assertEquals(Set.of(53, 9092, 5432, 4317, 4318), egressPorts);
    }

    private static Manifest deployment(String name) {
        return named("Deployment", name);
    }

    private static Manifest named(String kind, String name) {
        return KubernetesManifests.applied().stream().filter(m -> m.is(kind) && name.equals(m.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<Manifest> selected(Map<String, Object> selector) {
        return KubernetesManifests.workloads().stream().filter(w -> Selectors.selects(selector, labels(w))).toList();
    }

    private static Map<String, Object> labels(Manifest workload) {
        return Tree.map(workload.podTemplate(), "metadata", "labels");
    }

    private static Map<String, Object> firstContainer(Manifest workload) {
        return Tree.maps(workload.podTemplate(), "spec", "containers").getFirst();
    }

    private static Map<String, Integer> namedPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new TreeMap<>();
        Tree.maps(container, "ports").forEach(p -> ports.put(Tree.text(p, "name"), (Integer) Tree.at(p, "containerPort")));
        return ports;
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new TreeMap<>();
        Tree.maps(container, "env").forEach(v -> env.put(Tree.text(v, "name"), Tree.text(v, "value")));
        return env;
    }

    private static boolean emptyDirMountedAt(Map<String, Object> pod, Map<String, Object> container, String path) {
        Function<String, Boolean> isEmptyDir = volume -> Tree.maps(pod, "volumes").stream()
                .anyMatch(v -> volume.equals(Tree.text(v, "name")) && Tree.at(v, "emptyDir") != null);
        return Tree.maps(container, "volumeMounts").stream()
                .anyMatch(m -> path.equals(Tree.text(m, "mountPath")) && isEmptyDir.apply(Tree.text(m, "name"))
                        && !Boolean.TRUE.equals(Tree.at(m, "readOnly")));
    }

    private static List<String> references(Map<String, Object> node, String... path) {
        String name = Tree.text(node, path);
        return name == null ? List.of() : List.of(name);
    }

    private static void assertConfigMap(String name, Set<String> configMaps, String readme, Manifest workload) {
        if (!configMaps.contains(name)) {
            assertDocumented(name, readme, workload);
        }
    }

    /** What the manifests use and do not create (secrets, the token key) is in deploy/README.md's table. */
    private static void assertDocumented(String name, String readme, Manifest workload) {
        assertTrue(readme.contains("| `" + name + "`"), workload + " uses " + name
                + ", which neither the manifests create nor deploy/README.md documents");
    }
}
