package io.prepline.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The topics as the services' consumers see them: committed records only, and how far each consumer group is. */
final class EventLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    EventLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every committed record of {@code topic}, partition by partition in offset order. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(TIMEOUT.multipliedBy(4));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Records each consumer group has still to process (committed offset to the last committed record). */
    Map<String, Long> lagByGroup() {
        try (Admin admin = admin()) {
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS);
            Map<String, Long> lag = new HashMap<>();
            for (ConsumerGroupListing group : groups) {
                lag.put(group.groupId(), lag(admin, group.groupId()));
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the consumer groups", e);
        }
    }

    /** How many partitions each member of {@code group} holds now (a Kafka Streams instance has one per thread). */
    List<Integer> partitionsPerMember(String group) {
        try (Admin admin = admin()) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(30, TimeUnit.SECONDS).get(group);
            return description.members().stream().map(m -> m.assignment().topicPartitions().size()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the consumer group " + group, e);
        }
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return Admin.create(config);
    }

    private long lag(Admin admin, String group) throws InterruptedException, ExecutionException,
            TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> end = admin.listOffsets(
                        committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, Long> behind = new HashMap<>();
        committed.forEach((p, offset) -> {
            long from = offset == null ? 0 : offset.offset();
            if (from < end.get(p)) {
                behind.put(p, from);
            }
        });
        return behind.isEmpty() ? 0 : recordsBetween(behind, end);
    }

    /**
     * Committed records from each partition's offset to its end. A consumer commits the offset after the last
     * record it processed, and a transaction's commit marker may still follow it: markers are not work to do.
     */
    private long recordsBetween(Map<TopicPartition, Long> from, Map<TopicPartition, Long> end) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long records = 0;
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (from.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
