package rs.greenvoucher.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one loop that reads a topic to its end: what it hands over, and where it leaves the consumer. */
class WholeTopicReadersTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

    WholeTopicReadersTest() {
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.seekToBeginning(List.of(P0, P1));
    }

    private void records(TopicPartition p, int count) {
        for (int i = 0; i < count; i++) {
            consumer.addRecord(new ConsumerRecord<>(p.topic(), p.partition(), i, "k" + i, "v" + i));
        }
    }

    @Test
    void everyRecordUpToTheEndIsHandedOverOnce() {
        records(P0, 4);
        records(P1, 3);
        consumer.updateEndOffsets(Map.of(P0, 4L, P1, 3L));
        List<ConsumerRecord<String, String>> taken = new ArrayList<>();

        WholeTopicReaders.readToEnd(consumer, Duration.ofSeconds(5), taken::add);

        assertThat(taken).hasSize(7);
        assertThat(consumer.position(P0)).isEqualTo(4);
        assertThat(consumer.position(P1)).isEqualTo(3);
    }

    /** A commit or a later read starts at the first record written after the end, not after it. */
    @Test
    void recordsWrittenAfterTheEndAreLeftWhereTheyAre() {
        records(P0, 5);
        consumer.updateEndOffsets(Map.of(P0, 3L, P1, 0L));
        List<Long> taken = new ArrayList<>();

        WholeTopicReaders.readToEnd(consumer, Duration.ofSeconds(5), r -> taken.add(r.offset()));

        assertThat(taken).containsExactly(0L, 1L, 2L);
        assertThat(consumer.position(P0)).isEqualTo(3);
    }

    /** The dead-letter replay reads 500 at a time: what it did not take must not be skipped by its commit. */
    @Test
    void whenTakeSaysNoTheConsumerIsSetBackToEveryRecordNotTaken() {
        records(P0, 5);
        records(P1, 5);
        consumer.updateEndOffsets(Map.of(P0, 5L, P1, 5L));
        List<ConsumerRecord<String, String>> taken = new ArrayList<>();

        WholeTopicReaders.readToEnd(consumer, Duration.ofSeconds(5), r -> taken.size() < 3 && taken.add(r));

        assertThat(taken).hasSize(3);
        long takenFromP0 = taken.stream().filter(r -> r.partition() == 0).count();
        assertThat(consumer.position(P0)).isEqualTo(takenFromP0);
        assertThat(consumer.position(P1)).isEqualTo(3 - takenFromP0);
    }

    @Test
    void aTopicThatCannotBeReadToItsEndGivesUpAfterTheLimit() {
        consumer.updateEndOffsets(Map.of(P0, 2L, P1, 0L)); // two records the broker never delivers

        assertThatThrownBy(() -> WholeTopicReaders.readToEnd(consumer, Duration.ofMillis(300), r -> true))
                .isInstanceOf(TimeoutException.class);
    }
}
