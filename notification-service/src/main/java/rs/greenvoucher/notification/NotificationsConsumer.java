package rs.greenvoucher.notification;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.notification.mail.NotificationPlanner;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
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
        planner.plan(EventEnvelopes.read(json, message));
    }
}
