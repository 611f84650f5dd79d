package rs.greenvoucher.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a topic of the test broker from the beginning, as an outside consumer would (its own group). */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** The records with this key, once there are at least {@code count} of them, in the order Kafka gives them. */
    public List<ConsumerRecord<String, String>> await(String key, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (found.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + found.size() + " of " + count + " records with key " + key + " within " + timeout);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (key.equals(r.key())) {
                    found.add(r);
                }
            });
        }
        return found;
    }

    /** The first record of each of these keys, once every key has one. */
    public java.util.Map<String, ConsumerRecord<String, String>> awaitEach(java.util.Collection<String> keys, Duration timeout) {
        java.util.Map<String, ConsumerRecord<String, String>> found = new java.util.HashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (found.size() < keys.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("records for only " + found.size() + " of " + keys.size() + " keys within " + timeout);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (keys.contains(r.key())) {
                    found.putIfAbsent(r.key(), r);
                }
            });
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
