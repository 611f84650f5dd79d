package rs.greenvoucher.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import rs.greenvoucher.api.kafka.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The records ever parked on each dead-letter topic ({@code gv_dead_letter_records{topic}}: the sum of its partitions'
 * end offsets), so that the GvDeadLettersGrowing alert sees a topic grow (docs/operations.md). Read through one admin
 * client, at most every 10 s; NaN while the broker cannot be reached.
 */
public class DeadLetterTopicMetrics implements MeterBinder, AutoCloseable {

    static final List<String> TOPICS = List.of(Topics.APPLICATION_EVENTS, Topics.EVALUATION_DECISIONS, Topics.ACCOUNT_EVENTS)
            .stream().map(t -> t + Topics.DEAD_LETTER_SUFFIX).toList();
    private static final Duration FRESH = Duration.ofSeconds(10);

    private final Admin admin;
    private final Map<String, Double> last = new ConcurrentHashMap<>();
    private volatile Instant readAt = Instant.EPOCH;

    public DeadLetterTopicMetrics(Map<String, Object> adminConfig) {
        this.admin = Admin.create(adminConfig);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String topic : TOPICS) {
            Gauge.builder("gv.dead.letter.records", () -> records(topic)).tag("topic", topic)
                    .description("records ever parked on the dead-letter topic (its end offsets)").register(registry);
        }
    }

    private synchronized double records(String topic) {
        if (Duration.between(readAt, Instant.now()).compareTo(FRESH) > 0) {
            read();
        }
        return last.getOrDefault(topic, Double.NaN);
    }

    private void read() {
        readAt = Instant.now();
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> partitions = topics.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get(5, TimeUnit.SECONDS);
            for (String topic : TOPICS) {
                last.put(topic, (double) ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                        .mapToLong(e -> e.getValue().offset()).sum());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            last.clear(); // unknown, not zero
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
