package rs.greenvoucher.notification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import rs.greenvoucher.api.account.AccountEvent;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.notification.mail.AccountMailPlanner;
import rs.greenvoucher.notification.mail.NotificationPlanner;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import rs.greenvoucher.platform.kafka.KafkaKeyRing;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import rs.greenvoucher.platform.kafka.PollTransactions;
import rs.greenvoucher.platform.kafka.ReadableMessages;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

@Component
class NotificationsConsumer {

    private final NotificationPlanner planner;
    private final AccountMailPlanner accountMails;
    private final JsonMapper json;
    private final PollTransactions polls;
    private final KafkaKeyRing keys;

    NotificationsConsumer(NotificationPlanner planner, AccountMailPlanner accountMails, JsonMapper json, PlatformTransactionManager transactions, KafkaKeyRing keys,
                          rs.greenvoucher.platform.tracing.Traces traces) {
        this.planner = planner;
        this.accountMails = accountMails;
        this.json = json;
        this.keys = keys;
        this.polls = new PollTransactions(transactions, traces);
    }

    /** A poll's events are planned in one transaction ({@link PollTransactions}). */
    @KafkaListener(topics = Topics.APPLICATION_EVENTS, groupId = "notification-service", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        polls.apply(records, message -> planner.plan(EventEnvelopes.read(json, message, keys::find)));
    }

    /** Account events: a type this version does not know is skipped, anything unreadable is a poison message. */
    @KafkaListener(topics = Topics.ACCOUNT_EVENTS, groupId = "notification-service")
    void onAccount(String message) {
        JsonNode node = ReadableMessages.tree(json, message, "account event");
        if (!KNOWN.contains(node.path("type").asString(""))) {
            return;
        }
        try {
            accountMails.plan(json.treeToValue(node, AccountEvent.class));
        } catch (JacksonException e) {
            throw new PoisonMessageException("not a readable account event: " + e.getMessage(), e);
        }
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("VerificationRequested", "AccountLocked", "TokensRevoked");
}
