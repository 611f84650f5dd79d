package rs.greenvoucher.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import rs.greenvoucher.api.http.DeadLetters.Waiting;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.platform.refusal.Refusal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The dead-letter topics, for an ADMIN: what waits on them (with the reason and the consumer group that parked each)
 * and a replay onto the original topic, same key, once the cause is fixed. A replayed record names the group it is
 * for ({@link #REPLAY_FOR_HEADER}); every other group skips it ({@link #forAnotherGroup}), so a record one service
 * could not apply does not reach the others twice. Progress is the committed offset of the consumer group
 * {@code gv-dlt-replay}, so a record is replayed once, whichever instance or service replays it.
 */
public class DeadLetterTopics {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);
    static final String REPLAY_GROUP = "gv-dlt-replay";
    /** On a replayed record: the only consumer group that should process it. */
    public static final String REPLAY_FOR_HEADER = "gv-replay-for";
    /** Where Spring Kafka's dead-letter recoverer names the group that failed. */
    static final String ORIGINAL_GROUP_HEADER = org.springframework.kafka.support.KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP;
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    private final ConsumerFactory<?, ?> consumers;
    private final KafkaTemplate<Object, Object> kafka;

    public DeadLetterTopics(ConsumerFactory<?, ?> consumers, KafkaTemplate<Object, Object> kafka) {
        this.consumers = consumers;
        this.kafka = kafka;
    }

    /** The records not yet replayed, at most {@code limit}. */
    public List<Waiting> waiting(String topic, int limit) {
        String dlt = deadLetterTopic(topic);
        List<Waiting> waiting = new ArrayList<>();
        try (Consumer<?, ?> consumer = open(dlt)) {
            for (ConsumerRecord<?, ?> record : readToEnd(consumer, limit)) {
                String value = String.valueOf(record.value());
                waiting.add(new Waiting(record.partition(), record.offset(), String.valueOf(record.key()),
                        header(record, ORIGINAL_GROUP_HEADER), header(record, DeadLetters.REASON_HEADER),
                        value.length() > 2000 ? value.substring(0, 2000) + "…" : value));
            }
        }
        return waiting;
    }

    /** Sends every waiting record back to its topic and commits; answers how many were replayed. */
    public int replay(String topic) {
        String dlt = deadLetterTopic(topic);
        int replayed = 0;
        try (Consumer<?, ?> consumer = open(dlt)) {
            while (true) {
                List<ConsumerRecord<?, ?>> batch = readToEnd(consumer, 500);
                if (batch.isEmpty()) {
                    break;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<?, ?> record : batch) {
                    ProducerRecord<Object, Object> again = new ProducerRecord<>(topic, record.key(), record.value());
                    String group = header(record, ORIGINAL_GROUP_HEADER);
                    if (group != null) {
                        again.headers().add(REPLAY_FOR_HEADER, group.getBytes(StandardCharsets.UTF_8));
                    }
                    kafka.send(again).get(15, TimeUnit.SECONDS);
                    done.put(new TopicPartition(dlt, record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    replayed++;
                }
                consumer.commitSync(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + dlt, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the replayed records; " + replayed + " were replayed", e);
        }
        log.warn("Replayed {} record(s) from {} onto {}", replayed, dlt, topic);
        return replayed;
    }

    private Consumer<?, ?> open(String dlt) {
        Properties overrides = new Properties();
        overrides.put("enable.auto.commit", "false");
        overrides.put("auto.offset.reset", "earliest");
        overrides.put("max.poll.records", "500");
        Consumer<?, ?> consumer = consumers.createConsumer(REPLAY_GROUP, "-dlt-replay", null, overrides);
        List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                .map(p -> new TopicPartition(dlt, p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
        for (TopicPartition p : partitions) {
            OffsetAndMetadata at = committed.get(p);
            if (at == null) {
                consumer.seekToBeginning(List.of(p));
            } else {
                consumer.seek(p, at.offset());
            }
        }
        return consumer;
    }

    /** Reads from the current positions up to the end offsets taken at the start (or {@code limit} records). */
    private static List<ConsumerRecord<?, ?>> readToEnd(Consumer<?, ?> consumer, int limit) {
        List<ConsumerRecord<?, ?>> records = new ArrayList<>();
        WholeTopicReaders.readToEnd(consumer, READ_LIMIT, record -> records.size() < limit && records.add(record));
        return records;
    }

    /** For every consumer: a replayed record meant for another consumer group is skipped (true = skip). */
    public static boolean forAnotherGroup(ConsumerRecord<?, ?> record, String myGroup) {
        String target = header(record, REPLAY_FOR_HEADER);
        return target != null && !target.equals(myGroup);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String deadLetterTopic(String topic) {
        if (!topic.equals(Topics.APPLICATION_EVENTS) && !topic.equals(Topics.EVALUATION_DECISIONS)) {
            throw Refusal.notFound();
        }
        return topic + Topics.DEAD_LETTER_SUFFIX;
    }
}
