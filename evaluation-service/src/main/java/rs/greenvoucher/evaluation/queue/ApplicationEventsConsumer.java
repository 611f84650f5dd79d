package rs.greenvoucher.evaluation.queue;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import rs.greenvoucher.platform.kafka.KafkaKeyRing;
import rs.greenvoucher.platform.kafka.PollTransactions;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Builds the work queue from core's events. Idempotent by event id, recorded in the same transaction as the change
 * (WorkQueue#apply); an unreadable message goes to the dead-letter topic and the consumer goes on. A poll's events
 * are applied in one transaction ({@link PollTransactions}).
 */
@Component
public class ApplicationEventsConsumer {

    /** The listener's id in the container registry. */
    public static final String LISTENER = "evaluation-application-events";

    private final WorkQueue queue;
    private final JsonMapper json;
    private final PollTransactions polls;
    private final KafkaKeyRing keys;

    ApplicationEventsConsumer(WorkQueue queue, JsonMapper json, PlatformTransactionManager transactions, KafkaKeyRing keys,
                          rs.greenvoucher.platform.tracing.Traces traces) {
        this.queue = queue;
        this.json = json;
        this.keys = keys;
        this.polls = new PollTransactions(transactions, traces);
    }

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = Topics.APPLICATION_EVENTS, groupId = "evaluation-service", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        polls.apply(records, message -> queue.apply(EventEnvelopes.read(json, message, keys::find)));
    }
}
