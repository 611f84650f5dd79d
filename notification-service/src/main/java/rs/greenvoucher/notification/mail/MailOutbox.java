package rs.greenvoucher.notification.mail;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends PENDING notifications over SMTP, one transaction per mail: lock the row (skip locked, so instances share the
 * work), send, mark SENT. When SMTP is down the mail stays PENDING and is tried again with exponential back-off
 * (5 s doubling to 10 min). The only window for a duplicate is a crash between the SMTP server's acceptance and the
 * commit; the Message-ID is the notification id, so a receiving system can drop the copy.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcClient jdbc;
    private final JavaMailSender smtp;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String from;

    MailOutbox(JdbcClient jdbc, JavaMailSender smtp, TransactionTemplate tx, Clock clock, @Value("${gv.mail.from}") String from) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.tx = tx;
        this.clock = clock;
        this.from = from;
    }

    record Pending(UUID id, String recipient, String subject, String body, int attempts) {
    }

    @Scheduled(fixedDelayString = "${gv.mail.send-interval:PT0.5S}")
    public void sendDue() {
        for (int i = 0; i < 50; i++) {
            Boolean sent = tx.execute(status -> sendOne());
            if (!Boolean.TRUE.equals(sent)) {
                return;
            }
        }
    }

    /** Sends the next due mail; answers false when none is due or SMTP refused it. */
    Boolean sendOne() {
        Instant now = clock.instant();
        List<Pending> due = jdbc.sql("""
                        select id, recipient, subject, body, attempts from notification
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at limit 1 for update skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getInt("attempts"))).list();
        if (due.isEmpty()) {
            return false;
        }
        Pending mail = due.get(0);
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            message.setHeader("Message-ID", "<" + mail.id() + "@greenvoucher.rs>");
            smtp.send(message);
            jdbc.sql("update notification set status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = null where id = :id")
                    .param("now", Timestamp.from(now)).param("id", mail.id()).update();
            return true;
        } catch (Exception e) {
            Duration backOff = Duration.ofSeconds(5L << Math.min(mail.attempts(), 7));
            if (backOff.compareTo(Duration.ofMinutes(10)) > 0) {
                backOff = Duration.ofMinutes(10);
            }
            log.warn("Mail {} not sent (attempt {}), retrying in {}: {}", mail.id(), mail.attempts() + 1, backOff, e.getMessage());
            String error = String.valueOf(e.getMessage());
            jdbc.sql("update notification set attempts = attempts + 1, next_attempt_at = :next, last_error = :error where id = :id")
                    .param("next", Timestamp.from(now.plus(backOff)))
                    .param("error", error.length() > 500 ? error.substring(0, 500) : error).param("id", mail.id()).update();
            return false;
        }
    }
}
