package io.prepline.review.pipeline;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs the broker round trips of an exactly-once commit (a transaction that adds a consumer group's offsets, then
 * ends) with a transactional producer of its own, before the stream threads commit their first transactions: right
 * after a start each of those commits took about 150 ms instead of a few. Every transaction is aborted and names a
 * group of its own ({@code <application id>-warm-up}), so no offset and no record is ever committed.
 */
final class TransactionWarmUp {

    private TransactionWarmUp() {
    }

    /**
     * @param connection the Kafka connection settings (servers, security)
     * @return how many transactions ran before {@code deadlineNanos}
     */
    static int run(Map<String, Object> connection, String applicationId, String topic, int transactions,
                   long deadlineNanos) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-warm-up");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-warm-up");
        ConsumerGroupMetadata group = new ConsumerGroupMetadata(applicationId + "-warm-up");
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0));
        int done = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            while (done < transactions && System.nanoTime() < deadlineNanos) {
                producer.beginTransaction();
                producer.sendOffsetsToTransaction(offsets, group);
                producer.abortTransaction();
                done++;
            }
        }
        return done;
    }
}
