package io.prepline.platform.messaging;

import java.util.HashMap;
import java.util.Map;

/**
 * The connection settings every Kafka client of a service shares, taken from the service's {@code kafka.*}
 * configuration: servers, security protocol, SASL and TLS. A client built by hand (the outbox relay, Kafka Streams)
 * starts from these so a secured cluster reaches it too.
 */
public final class KafkaClients {

    private static final String[] SHARED_PREFIXES = {"bootstrap.", "security.", "sasl.", "ssl.", "client.dns.lookup"};

    private KafkaClients() {
    }

    public static Map<String, Object> connectionSettings(Map<String, ?> kafkaConfig) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            for (String prefix : SHARED_PREFIXES) {
                if (key.startsWith(prefix) && value != null) {
                    settings.put(key, String.valueOf(value));
                    return;
                }
            }
        });
        return settings;
    }
}
