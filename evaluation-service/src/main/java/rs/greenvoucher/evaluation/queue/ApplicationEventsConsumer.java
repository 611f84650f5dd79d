package rs.greenvoucher.evaluation.queue;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the work queue from core's events. Idempotent by event id, recorded in the same transaction as the change
 * (WorkQueue#apply); an unreadable message goes to the dead-letter topic and the consumer goes on.
 */
@Component
class ApplicationEventsConsumer {

    private final WorkQueue queue;
    private final JsonMapper json;

    ApplicationEventsConsumer(WorkQueue queue, JsonMapper json) {
        this.queue = queue;
        this.json = json;
    }

    @KafkaListener(topics = Topics.APPLICATION_EVENTS, groupId = "evaluation-service")
    void on(String message) {
        queue.apply(EventEnvelopes.read(json, message));
    }
}
