package rs.greenvoucher.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.platform.privacy.PersonalKeys;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of the services that read personal fields from {@code gv.application.events} but keep no keys: read from
 * the compacted {@link Topics#PERSONAL_KEYS} into memory only, never into a database. Core acknowledges a key on
 * that topic before it sends the message sealed with it, so a key this ring has not seen is looked for once more up to
 * the topic's end; still missing, it was erased (a tombstone). A broker that cannot be reached is a transient failure:
 * the listener retries the message.
 */
public final class KafkaKeyRing implements PersonalKeys, AutoCloseable {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Map<String, Object> config;
    private KafkaConsumer<String, String> consumer;

    public KafkaKeyRing(String bootstrapServers) {
        Map<String, Object> c = WholeTopicReaders.config(bootstrapServers, "personal-keys");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.config = c;
    }

    @Override
    public byte[] keyFor(String subject, String applicantId) {
        throw new UnsupportedOperationException("only core seals personal fields");
    }

    @Override
    public byte[] find(String subject) {
        byte[] key = keys.get(subject);
        if (key != null) {
            return key;
        }
        catchUp();
        return keys.get(subject);
    }

    /** The application's data was erased: its key is dropped at once, before the tombstone is read. */
    public void forget(String subject) {
        keys.remove(subject);
    }

    private synchronized void catchUp() {
        try {
            if (consumer == null) {
                KafkaConsumer<String, String> fresh = new KafkaConsumer<>(config);
                List<PartitionInfo> found = fresh.partitionsFor(Topics.PERSONAL_KEYS, Duration.ofSeconds(10));
                if (found == null || found.isEmpty()) {
                    fresh.close();
                    throw new TimeoutException(Topics.PERSONAL_KEYS + " is not there yet");
                }
                List<TopicPartition> partitions = found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                fresh.assign(partitions);
                fresh.seekToBeginning(partitions);
                consumer = fresh;
            }
            WholeTopicReaders.readToEnd(consumer, CATCH_UP_LIMIT, record -> {
                if (record.value() == null) {
                    keys.remove(record.key());
                } else {
                    keys.put(record.key(), Base64.getDecoder().decode(record.value()));
                }
                return true;
            });
        } catch (RuntimeException e) {
            if (consumer != null) {
                consumer.close(Duration.ZERO);
                consumer = null;
            }
            throw e instanceof TimeoutException ? e : new TimeoutException("cannot read " + Topics.PERSONAL_KEYS, e);
        }
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
            consumer = null;
        }
    }
}
