package io.prepline.devstack;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The topics of the platform, created with the Admin client. */
public final class Topics {

    public static final String CATALOGUE_QUESTIONS = "catalogue.questions.v1";
    public static final String ANSWERS_SUBMITTED = "answers.submitted.v1";
    public static final String ANSWERS_SCORED = "answers.scored.v1";
    public static final String ANSWERS_DECIDED = "answers.decided.v1";
    public static final String ANSWERS_SUBMITTED_DLQ = "answers.submitted.v1.dlq";
    /** Records answer-service's consumers can never apply, with the reason in their headers. */
    public static final String ANSWER_SERVICE_DLQ = "answer-service.dlq";
    /** Records question-service's consumer can never apply, with the reason in their headers. */
    public static final String QUESTION_SERVICE_DLQ = "question-service.dlq";

    static final int PARTITIONS = 6;

    private Topics() {
    }

    /** Every topic with its partitions and configs; deploy/k8s/topics/topics must list the same (deploy/manifests). */
    public static List<NewTopic> all() {
        return List.of(
                new NewTopic(CATALOGUE_QUESTIONS, PARTITIONS, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(ANSWERS_SUBMITTED, PARTITIONS, (short) 1),
                new NewTopic(ANSWERS_SCORED, PARTITIONS, (short) 1),
                new NewTopic(ANSWERS_DECIDED, PARTITIONS, (short) 1),
                new NewTopic(ANSWERS_SUBMITTED_DLQ, PARTITIONS, (short) 1),
                new NewTopic(ANSWER_SERVICE_DLQ, PARTITIONS, (short) 1),
                new NewTopic(QUESTION_SERVICE_DLQ, PARTITIONS, (short) 1));
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    static void createMissing(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = all().stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Kafka topics on " + bootstrapServers, e);
        }
    }
}
