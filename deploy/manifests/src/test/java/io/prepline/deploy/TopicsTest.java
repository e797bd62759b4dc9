package io.prepline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.prepline.devstack.KafkaBroker;
import io.prepline.devstack.Topics;

/** The topic list of the Kubernetes job and the compose service, and the script that creates the topics. */
class TopicsTest {

    private static final String TOPICS = "deploy/k8s/topics/topics";
    private static final String SCRIPT = "deploy/k8s/topics/create-topics.sh";

    /** A topic as the list gives it: partitions and the configs that shape it (compaction). */
    record Spec(int partitions, Map<String, String> configs) {
    }

    @Test
    void theListHasTheDevStacksTopicsWithTheirPartitionsAndCompaction() {
        Map<String, Spec> devStack = Topics.all().stream().collect(Collectors.toMap(NewTopic::name,
                t -> new Spec(t.numPartitions(), new TreeMap<>(t.configs() == null ? Map.of() : t.configs()))));
        assertEquals(devStack, listed());
    }

    @Test
    void theScriptCreatesTheMissingTopicsOnARealBrokerAndLeavesExistingOnesAlone(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = new KafkaBroker(dir.resolve("kafka"), 0); Admin admin = admin(broker)) {
            broker.start();
            admin.createTopics(List.of(new NewTopic(Topics.ANSWERS_SCORED, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);

            assertEquals(0, runScript(broker, dir), "create-topics.sh failed");

            Map<String, Spec> expected = new TreeMap<>(listed());
            expected.put(Topics.ANSWERS_SCORED, new Spec(2, Map.of()));
            assertEquals(expected, onBroker(admin, expected.keySet()));
        }
    }

    private static Map<String, Spec> listed() {
        return Repository.read(TOPICS).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+"))
                .collect(Collectors.toMap(f -> f[0], f -> new Spec(Integer.parseInt(f[1]),
                        f.length > 2 ? configs(f[2]) : Map.of()), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> configs(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(c -> c.split("=", 2))
                .collect(Collectors.toMap(c -> c[0], c -> c[1], (a, b) -> b, TreeMap::new));
    }

    /** Runs the script as the job does, with the Kafka tools of this classpath standing in for the image's. */
    private static int runScript(KafkaBroker broker, Path dir) throws IOException, InterruptedException {
        Path kafkaTopics = dir.resolve("kafka-topics.sh");
        Files.writeString(kafkaTopics, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp \"$TOPICS_CLASSPATH\""
                + " org.apache.kafka.tools.TopicCommand \"$@\"\n");
        Files.setPosixFilePermissions(kafkaTopics, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder script = new ProcessBuilder("sh", Repository.file(SCRIPT).toString()).inheritIO();
        script.environment().putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "REPLICATION_FACTOR", "1",
                "KAFKA_TOPICS_COMMAND", kafkaTopics.toString(),
                "TOPICS_CLASSPATH", System.getProperty("java.class.path")));
        Process process = script.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("create-topics.sh did not finish in 120 s");
        }
        return process.exitValue();
    }

    private static Map<String, Spec> onBroker(Admin admin, Collection<String> names) throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<String, Spec> specs = new TreeMap<>();
        topics.forEach((name, description) -> {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            String cleanup = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            specs.put(name, new Spec(description.partitions().size(), TopicConfig.CLEANUP_POLICY_COMPACT.equals(cleanup)
                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup) : Map.of()));
        });
        return specs;
    }

    private static Admin admin(KafkaBroker broker) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(config);
    }
}
