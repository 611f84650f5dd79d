package rs.greenvoucher.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A consumer that reads a whole topic from its start into memory, in every instance (no group, no committed offsets):
 * the revoked tokens, the personal data keys; and the one loop that reads a topic up to its end.
 */
public final class WholeTopicReaders {

    private static final Duration POLL = Duration.ofMillis(200);
    /** The longest one call to the broker may wait, however long the whole read may take (the key ring's old value). */
    private static final Duration CALL = Duration.ofSeconds(10);

    private WholeTopicReaders() {
    }

    public static Map<String, Object> config(String bootstrapServers, String clientIdPrefix) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + UUID.randomUUID());
        return c;
    }

    /**
     * Offers {@code take} every record from the consumer's positions (on its assigned partitions) up to the partitions'
     * ends as they are now, in each partition's order, until it answers false. A record not taken, and any record
     * written after those ends, is left where it is: the consumer's position is set back to it, so a later read (or a
     * commit) neither skips nor repeats it. Past {@code limit} this gives up with Kafka's {@link TimeoutException}.
     */
    public static <K, V> void readToEnd(Consumer<K, V> consumer, Duration limit, Predicate<ConsumerRecord<K, V>> take) {
        Instant giveUp = Instant.now().plus(limit);
        Duration call = limit.compareTo(CALL) < 0 ? limit : CALL;
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, call);
        while (partitions.stream().anyMatch(p -> consumer.position(p, call) < end.get(p))) {
            if (Instant.now().isAfter(giveUp)) {
                throw new TimeoutException("could not read " + partitions + " to their end within " + limit);
            }
            ConsumerRecords<K, V> polled = consumer.poll(POLL);
            List<TopicPartition> left = new ArrayList<>(polled.partitions());
            while (!left.isEmpty()) {
                TopicPartition p = left.remove(0);
                for (ConsumerRecord<K, V> record : polled.records(p)) {
                    if (record.offset() >= end.get(p)) {
                        consumer.seek(p, record.offset()); // written after the end: not this read's
                        break;
                    }
                    if (!take.test(record)) {
                        consumer.seek(p, record.offset());
                        left.forEach(q -> consumer.seek(q, polled.records(q).get(0).offset()));
                        return;
                    }
                }
            }
        }
    }
}
