package rs.greenvoucher.core.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.api.account.AccountEvent;
import rs.greenvoucher.api.kafka.Topics;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Account events are stored in the transaction that changes the account, then sent to Kafka by this poller until
 * Kafka has them: a lock mail, a verification link or a revocation is never lost to a Kafka outage. Several
 * instances share the work (rows are claimed with SKIP LOCKED).
 */
@Component
class AccountOutbox {

    private static final Logger log = LoggerFactory.getLogger(AccountOutbox.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    AccountOutbox(JdbcClient jdbc, JsonMapper json, KafkaTemplate<String, String> kafka, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.kafka = kafka;
        this.transactions = transactions;
    }

    /** Joins the caller's transaction. */
    void append(AccountEvent event) {
        jdbc.sql("""
                        insert into account_outbox (event_id, account_id, body, created_at)
                        values (:event, :account, cast(:body as jsonb), :now)""")
                .param("event", event.eventId()).param("account", event.accountId())
                .param("body", json.writerFor(AccountEvent.class).writeValueAsString(event))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    @Scheduled(fixedDelayString = "${gv.accounts.outbox-interval:PT0.2S}")
    void publish() {
        try {
            while (Boolean.TRUE.equals(transactions.execute(status -> publishBatch()))) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("account events wait for Kafka: {}", e.toString());
        }
    }

    private boolean publishBatch() {
        record Pending(long id, UUID account, String body) {
        }
        List<Pending> pending = jdbc.sql("""
                        select id, account_id, body::text as body from account_outbox where published_at is null
                        order by id limit 100 for update skip locked""")
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("account_id", UUID.class), rs.getString("body")))
                .list();
        for (Pending p : pending) {
            try {
                kafka.send(Topics.ACCOUNT_EVENTS, p.account().toString(), p.body()).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not take account event " + p.id(), e);
            }
            jdbc.sql("update account_outbox set published_at = :now where id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", p.id()).update();
        }
        return pending.size() == 100;
    }
}
