package rs.greenvoucher.notification.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.platform.faults.Transience;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What became of a mail handed to SMTP, stored on its row: SENT, UNCONFIRMED, or PENDING again with its next attempt. */
@Component
record SendOutcomes(JdbcClient jdbc, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(SendOutcomes.class);

    /**
     * The outcome of a send must be stored, or the mail would be sent again once its SENDING row is recovered: while
     * the database is away, this sender waits for it (it could not claim another mail anyway).
     */
    void store(MailOutbox.Pending mail, String status, Instant next, String error) {
        Duration wait = Duration.ofMillis(500);
        Instant giveUp = clock.instant().plus(MailSenders.SENDING_TIMEOUT.multipliedBy(10));
        while (true) {
            try {
                record(mail, status, next, error);
                return;
            } catch (RuntimeException e) {
                if (!Transience.isTransient(e) || clock.instant().isAfter(giveUp)) {
                    throw e;
                }
                log.warn("Mail {} is {}, but the database is away; storing it again in {}", mail.id(), status, wait);
                try {
                    Thread.sleep(wait.toMillis()); // back-off while the database is down; this thread has nothing else to do
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : wait.multipliedBy(2);
            }
        }
    }

    private void record(MailOutbox.Pending mail, String status, Instant next, String error) {
        Instant now = clock.instant();
        jdbc.sql("""
                        update notification set status = :status, sending_since = null, sending_by = null,
                            sent_at = case when :status in ('SENT', 'UNCONFIRMED') then :now else sent_at end,
                            next_attempt_at = coalesce(:next, next_attempt_at), last_error = :error
                        where id = :id and status = 'SENDING'""")
                .param("status", status).param("now", Timestamp.from(now))
                .param("next", next == null ? null : Timestamp.from(next))
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("id", mail.id()).update();
    }
}
