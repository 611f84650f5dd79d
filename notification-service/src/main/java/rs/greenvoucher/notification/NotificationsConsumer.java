package rs.greenvoucher.notification;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.notification.mail.NotificationPlanner;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@Component
class NotificationsConsumer {

    private final NotificationPlanner planner;
    private final JsonMapper json;

    NotificationsConsumer(NotificationPlanner planner, JsonMapper json) {
        this.planner = planner;
        this.json = json;
    }

    @KafkaListener(topics = Topics.APPLICATION_EVENTS, groupId = "notification-service")
    void on(String message) {
        EventEnvelope envelope;
        try {
            envelope = json.readValue(message, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.applicationId() == null || envelope.type() == null || envelope.payload() == null) {
                throw new IllegalArgumentException("eventId, applicationId, type and payload are required");
            }
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonMessageException("not a readable event envelope: " + e.getMessage(), e);
        }
        planner.plan(envelope);
    }
}
