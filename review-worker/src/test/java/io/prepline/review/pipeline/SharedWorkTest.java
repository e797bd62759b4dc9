package io.prepline.review.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;

/**
 * Two workers in one consumer group against the real broker: both get partitions, every submission is scored once,
 * and when one stops the other takes over its share. Own topics, so no other worker of the test JVM interferes.
 */
class SharedWorkTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final CloseOptions LEAVE = CloseOptions
            .groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30));
    private final String bootstrap = DevStack.shared().bootstrapServers();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final PipelineSettings settings = new PipelineSettings("catalogue-" + suffix, "submitted-" + suffix,
            "scored-" + suffix, "dlq-" + suffix, Duration.ofSeconds(30), Duration.ofSeconds(1), Fixtures.ANSWER_SERVICE,
            Fixtures.QUESTION_SERVICE);

    @Test
    void twoInstancesShareTheSubmissionsAndOneTakesOverWhenTheOtherStops() throws Exception {
        createTopics();
        String question = UUID.randomUUID().toString();
        try (TopicProbe catalogue = TopicProbe.fromNow(bootstrap, settings.catalogueTopic());
             TopicProbe submitted = TopicProbe.fromNow(bootstrap, settings.submittedTopic());
             TopicProbe scored = TopicProbe.fromNow(bootstrap, settings.scoredTopic())) {
            catalogue.sendFrom(Fixtures.QUESTION_SERVICE, question, Fixtures.question(question, "shared-" + question));
            KafkaStreams first = start("first");
            KafkaStreams second = start("second");
            try {
                awaitRunning(first, second);
                assertFalse(activeTasks(first).isEmpty(), "the first instance has partitions");
                assertFalse(activeTasks(second).isEmpty(), "the second instance has partitions");
                Set<String> all = new HashSet<>(activeTasks(first));
                all.addAll(activeTasks(second));
                assertEquals(6, all.size(), "the six partitions are shared: " + all);

                List<String> answers = IntStream.range(0, 24).mapToObj(i -> UUID.randomUUID().toString()).toList();
                answers.forEach(a -> submitted.sendFrom(Fixtures.ANSWER_SERVICE, a, Fixtures.submission(a, question, null, Fixtures.GOOD_ANSWER)));
                answers.forEach(a -> scored.awaitKey(a, WAIT));

                second.close(LEAVE);
                awaitRunning(first);
                List<String> later = IntStream.range(0, 12).mapToObj(i -> UUID.randomUUID().toString()).toList();
                later.forEach(a -> submitted.sendFrom(Fixtures.ANSWER_SERVICE, a, Fixtures.submission(a, question, null, Fixtures.GOOD_ANSWER)));
                later.forEach(a -> scored.awaitKey(a, WAIT));

                Set<String> expected = new HashSet<>(answers);
                expected.addAll(later);
                List<ConsumerRecord<String, String>> results = scored.collect(r -> expected.contains(r.key()),
                        Duration.ofSeconds(2));
                assertEquals(expected.size(), results.size(), "each submission is scored once");
                results.forEach(r -> JsonSchemas.assertValid("answers-scored.v1.json", r.value()));
            } finally {
                first.close(LEAVE);
                second.close(LEAVE);
            }
        }
    }

    private KafkaStreams start(String name) throws Exception {
        Path stateDir = Files.createTempDirectory("review-worker-" + name);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "review-worker-shared-" + suffix);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        KafkaStreams streams = new KafkaStreams(ScoringTopology.build(settings, new KeywordScorer()), p);
        streams.start();
        return streams;
    }

    private static void awaitRunning(KafkaStreams... instances) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            boolean balanced = true;
            for (KafkaStreams s : instances) {
                balanced &= s.state() == KafkaStreams.State.RUNNING && !activeTasks(s).isEmpty();
            }
            if (balanced && totalTasks(instances) == 6) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the instances did not share the partitions within " + WAIT);
    }

    private static int totalTasks(KafkaStreams... instances) {
        Set<String> all = new HashSet<>();
        for (KafkaStreams s : instances) {
            all.addAll(activeTasks(s));
        }
        return all.size();
    }

    private static Set<String> activeTasks(KafkaStreams streams) {
        Set<String> tasks = new HashSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            thread.activeTasks().forEach(t -> tasks.add(t.taskId().toString()));
        }
        return tasks;
    }

    private void createTopics() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(
                    new NewTopic(settings.catalogueTopic(), 6, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(settings.submittedTopic(), 6, (short) 1),
                    new NewTopic(settings.scoredTopic(), 6, (short) 1),
                    new NewTopic(settings.deadLetterTopic(), 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        // new topics reach every client's metadata a moment later: probes opened before would see no partitions
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer, new StringDeserializer(),
                new StringDeserializer())) {
            Instant end = Instant.now().plus(WAIT);
            for (String topic : List.of(settings.catalogueTopic(), settings.submittedTopic(), settings.scoredTopic())) {
                while (c.partitionsFor(topic, Duration.ofSeconds(5)).size() < 6) {
                    if (Instant.now().isAfter(end)) {
                        throw new AssertionError("topic " + topic + " has no partitions yet");
                    }
                    Thread.sleep(100);
                }
            }
        }
    }
}
