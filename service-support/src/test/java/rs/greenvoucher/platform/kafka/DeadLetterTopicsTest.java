package rs.greenvoucher.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTopicsTest {

    private static ConsumerRecord<String, String> record(String replayFor) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("gv.application.events", 0, 7, "key", "{}");
        if (replayFor != null) {
            record.headers().add(DeadLetterTopics.REPLAY_FOR_HEADER, replayFor.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void aReplayedRecordIsSkippedByEveryGroupButTheOneThatParkedIt() {
        assertThat(DeadLetterTopics.forAnotherGroup(record("evaluation-service"), "notification-service")).isTrue();
        assertThat(DeadLetterTopics.forAnotherGroup(record("evaluation-service"), "evaluation-service")).isFalse();
    }

    @Test
    void anOrdinaryRecordIsForEveryone() {
        assertThat(DeadLetterTopics.forAnotherGroup(record(null), "notification-service")).isFalse();
    }
}
