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
 * <p>
 * A fixed number of commits is not enough when the broker itself is still starting (its own JIT, on the same cores
 * as the rest of a stack that has just started): after the first {@code transactions}, commits go on until
 * {@link #SETTLED_IN_A_ROW} in a row each took at most {@code settledNanos}, or the deadline.
 */
final class TransactionWarmUp {

    /** Consecutive commits within the settled time that end the warm-up. */
    static final int SETTLED_IN_A_ROW = 5;

    private TransactionWarmUp() {
    }

    /** How many commits ran, and whether the last of them took no longer than the settled time. */
    record Outcome(int commits, boolean settled) {
    }

    /**
     * @param connection   the Kafka connection settings (servers, security)
     * @param transactions the commits run in any case (within the deadline)
     * @param settledNanos a commit this fast counts towards settling; 0: stop after {@code transactions}
     */
    static Outcome run(Map<String, Object> connection, String applicationId, String topic, int transactions,
                       long settledNanos, long deadlineNanos) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-warm-up");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-warm-up");
        ConsumerGroupMetadata group = new ConsumerGroupMetadata(applicationId + "-warm-up");
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0));
        int done = 0;
        int settledInARow = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            while (System.nanoTime() < deadlineNanos && !enough(done, transactions, settledInARow, settledNanos)) {
                long started = System.nanoTime();
                producer.beginTransaction();
                producer.sendOffsetsToTransaction(offsets, group);
                producer.abortTransaction();
                done++;
                settledInARow = System.nanoTime() - started <= settledNanos ? settledInARow + 1 : 0;
            }
        }
        return new Outcome(done, settledInARow > 0);
    }

    private static boolean enough(int done, int transactions, int settledInARow, long settledNanos) {
        return done >= transactions && (settledNanos <= 0 || settledInARow >= SETTLED_IN_A_ROW);
    }
}
