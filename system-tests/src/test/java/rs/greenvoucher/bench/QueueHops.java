package rs.greenvoucher.bench;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.infra.TestInfrastructure;
import rs.greenvoucher.platform.kafka.WholeTopicReaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a submission's time to the queue goes, per hop: from the event's time to its record on Kafka (core's
 * publisher; the record's timestamp is the producer's), and from there to the evaluators' queue (the consumer).
 */
final class QueueHops {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueueHops() {
    }

    static void report(Connection evaluation, String when, java.time.Instant since) throws Exception {
        Map<String, Long> queuedAt = new HashMap<>();
        Map<String, Long> submittedAt = new HashMap<>();
        try (var statement = evaluation.prepareStatement("select application_id, enqueued_at, queued_at from work_item where enqueued_at >= ?")) {
            statement.setTimestamp(1, java.sql.Timestamp.from(since));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    queuedAt.put(rs.getString(1), rs.getTimestamp(3).getTime());
                }
            }
        }
        List<Long> toKafka = new ArrayList<>();
        List<Long> toQueue = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                WholeTopicReaders.config(TestInfrastructure.kafka().bootstrapServers(), "queue-hops"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.APPLICATION_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            WholeTopicReaders.readToEnd(consumer, Duration.ofMinutes(5), record -> {
                JsonNode envelope = JSON.readTree(record.value());
                String id = envelope.path("applicationId").asString("");
                if ("ApplicationSubmitted".equals(envelope.path("type").asString("")) && queuedAt.containsKey(id)) {
                    long occurred = java.time.Instant.parse(envelope.get("occurredAt").asString()).toEpochMilli();
                    submittedAt.put(id, occurred);
                    toKafka.add(record.timestamp() - occurred);
                    toQueue.add(queuedAt.get(id) - record.timestamp());
                }
                return true;
            });
        }
        Collections.sort(toKafka);
        Collections.sort(toQueue);
        System.out.printf("===   of which event to Kafka (core's publisher): median %d ms, p99 %d ms; Kafka to queue (evaluation's "
                        + "consumer): median %d ms, p99 %d ms (%d applications %s)%n", pct(toKafka, 0.5), pct(toKafka, 0.99),
                pct(toQueue, 0.5), pct(toQueue, 0.99), toKafka.size(), when);
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
