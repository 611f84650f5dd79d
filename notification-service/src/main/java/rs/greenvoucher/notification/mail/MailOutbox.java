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
import rs.greenvoucher.platform.faults.Transience;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends PENDING notifications over SMTP, one mail at a time, each on its own:
 * <ol>
 * <li>claim: in a short transaction, lock the next due row (skip locked, so instances share the work) and mark it
 *     SENDING;</li>
 * <li>send over SMTP, outside any transaction;</li>
 * <li>record the outcome: SENT; or, when the server refused or could not be reached (it has not got the mail),
 *     PENDING again with exponential back-off (5 s doubling to 10 min), while the other mails flow; or, when the
 *     connection broke after the mail was handed over (a timeout waiting for the answer), UNCONFIRMED: it may have
 *     been accepted, so it is not sent again.</li>
 * </ol>
 * A row left SENDING by a process that died mid-send goes back to PENDING once that process has not said it is alive
 * for 10 s ({@link MailSenders}), or after {@code gv.mail.sending-timeout} (1 minute: the SMTP timeouts bound a live send
 * to a few seconds) whatever its sender; that is the only window for a duplicate, and the Message-ID (the notification
 * id) lets the receiving side drop it.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcClient jdbc;
    private final JavaMailSender smtp;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String from;
    private final Duration sendingTimeout;
    private final MailSenders senders;

    MailOutbox(JdbcClient jdbc, JavaMailSender smtp, TransactionTemplate tx, Clock clock, @Value("${gv.mail.from}") String from,
               @Value("${gv.mail.sending-timeout:PT1M}") Duration sendingTimeout, MailSenders senders) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.smtp = smtp;
        this.tx = tx;
        this.clock = clock;
        this.from = from;
        this.sendingTimeout = sendingTimeout;
    }

    record Pending(UUID id, String recipient, String subject, String body, String language, int attempts) {
    }

    @Scheduled(fixedDelayString = "${gv.mail.send-interval:PT0.5S}")
    public void sendDue() {
        for (int i = 0; i < 50; i++) {
            Pending mail = tx.execute(status -> claimOne());
            if (mail == null) {
                return;
            }
            send(mail);
        }
    }

    /** Mails whose sender died mid-send go back to the queue. */
    @Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT2S")
    public void recoverAbandoned() {
        Instant now = clock.instant();
        int recovered = jdbc.sql("""
                        update notification set status = 'PENDING', next_attempt_at = :now, sending_since = null,
                            sending_by = null, last_error = 'the sender stopped while sending; sent again'
                        where status = 'SENDING' and (sending_since < :before or sending_since < :silent and (sending_by is null
                            or sending_by not in (select instance from mail_sender where seen_at >= :silent)))""")
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(now.minus(sendingTimeout)))
                .param("silent", Timestamp.from(now.minus(MailSenders.SILENCE))).update();
        if (recovered > 0) {
            log.warn("{} mail(s) left SENDING by a stopped instance are queued again", recovered);
        }
    }

    /** Marks the next due mail SENDING and answers it; null when none is due. */
    Pending claimOne() {
        Instant now = clock.instant();
        List<Pending> due = jdbc.sql("""
                        select id, recipient, subject, body, language, attempts from notification
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at limit 1 for update skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("language"), rs.getInt("attempts"))).list();
        if (due.isEmpty()) {
            return null;
        }
        jdbc.sql("""
                        update notification set status = 'SENDING', sending_since = :now, sending_by = :me, attempts = attempts + 1
                        where id = :id""")
                .param("now", Timestamp.from(now)).param("me", senders.self()).param("id", due.get(0).id()).update();
        return due.get(0);
    }

    void send(Pending mail) {
        Exception failure = null;
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            // multipart/alternative: the plain text first (what every client can show), then the same as HTML
            jakarta.mail.internet.MimeMultipart alternative = new jakarta.mail.internet.MimeMultipart("alternative");
            jakarta.mail.internet.MimeBodyPart plain = new jakarta.mail.internet.MimeBodyPart();
            plain.setText(mail.body(), "UTF-8", "plain");
            jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
            html.setText(Templates.html(mail.body(), mail.language()), "UTF-8", "html");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.setHeader("Message-ID", "<" + mail.id() + "@greenvoucher.rs>");
            smtp.send(message);
        } catch (Exception e) {
            failure = e;
        }
        if (failure == null) {
            recordUntilStored(mail, "SENT", null, null);
        } else if (mayHaveBeenAccepted(failure)) {
            log.error("Mail {}: no answer after it was handed to SMTP; it may have been delivered and is not sent again: {}",
                    mail.id(), failure.toString());
            recordUntilStored(mail, "UNCONFIRMED", null, "no answer from SMTP after the mail was handed over: " + failure.getMessage());
        } else {
            Duration backOff = Duration.ofSeconds(5L << Math.min(mail.attempts(), 7));
            if (backOff.compareTo(Duration.ofMinutes(10)) > 0) {
                backOff = Duration.ofMinutes(10);
            }
            log.warn("Mail {} not sent (attempt {}), retrying in {}: {}", mail.id(), mail.attempts() + 1, backOff, failure.getMessage());
            recordUntilStored(mail, "PENDING", clock.instant().plus(backOff), String.valueOf(failure.getMessage()));
        }
    }

    /**
     * The outcome of a send must be stored, or the mail would be sent again once its SENDING row is recovered: while
     * the database is away, this sender waits for it (it could not claim another mail anyway).
     */
    private void recordUntilStored(Pending mail, String status, Instant next, String error) {
        Duration wait = Duration.ofMillis(500);
        Instant giveUp = clock.instant().plus(sendingTimeout.multipliedBy(10));
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

    private void record(Pending mail, String status, Instant next, String error) {
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

    /**
     * The server may have the mail when a connection was made and the failure was not the server's own refusal: a
     * read timeout or a dropped connection while it was being handed over or while waiting for the server's answer.
     * Not when the connection could not be made at all (server down, unknown host, connect timeout).
     */
    static boolean mayHaveBeenAccepted(Exception e) {
        if (!(e instanceof org.springframework.mail.MailSendException send)
                || String.valueOf(send.getMessage()).startsWith("Mail server connection failed")) {
            return false;
        }
        for (Exception failure : send.getFailedMessages().values()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof jakarta.mail.SendFailedException || t instanceof jakarta.mail.internet.AddressException) {
                    return false; // the server answered: it refused
                }
                if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                        || t.getClass().getSimpleName().equals("MailConnectException")) {
                    return false; // never connected
                }
                if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.SocketException) {
                    return true;
                }
            }
        }
        return false;
    }
}
