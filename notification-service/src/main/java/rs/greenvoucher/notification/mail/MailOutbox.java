package rs.greenvoucher.notification.mail;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends PENDING notifications over SMTP, each mail on its own, on {@link #LANES} lanes at once:
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
 * for 10 s, or after a minute whatever its sender ({@link MailSenders}); that is the only window for a duplicate, and
 * the Message-ID (the notification id) lets the receiving side drop it.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private final rs.greenvoucher.platform.tracing.Traces traces;

    /**
     * Mails go out on this many lanes at once, each recipient always on the same lane (by a hash of the address), so
     * one person's mails keep their order; one lane at a time took 13 s for the mails of a 15 s broker outage.
     */
    static final int LANES = 4;

    private final JdbcClient jdbc;
    private final Smtp smtp;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MailSenders senders;
    private final SendOutcomes outcomes;
    private final ExecutorService lanes = Executors.newFixedThreadPool(LANES, r -> {
        Thread thread = new Thread(r, "mail-lane");
        thread.setDaemon(true);
        return thread;
    });

    MailOutbox(JdbcClient jdbc, Smtp smtp, TransactionTemplate tx, Clock clock, MailSenders senders, SendOutcomes outcomes,
               rs.greenvoucher.platform.tracing.Traces traces) {
        this.traces = traces;
        this.outcomes = outcomes;
        this.jdbc = jdbc;
        this.senders = senders;
        this.smtp = smtp;
        this.tx = tx;
        this.clock = clock;
    }

    record Pending(UUID id, String recipient, String subject, String body, String language, int attempts, String traceparent) {
    }

    @Scheduled(fixedDelayString = "${gv.mail.send-interval:PT0.5S}")
    public void sendDue() throws InterruptedException {
        List<Future<?>> running = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            int mine = lane;
            running.add(lanes.submit(() -> sendDue(mine)));
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
            }
        }
    }

    private void sendDue(int lane) {
        for (int i = 0; i < 50; i++) {
            Pending mail = tx.execute(status -> claimOne(lane));
            if (mail == null) {
                return;
            }
            send(mail);
        }
    }

    @PreDestroy
    void stop() {
        lanes.shutdownNow();
    }

    /** Marks the lane's next due mail SENDING and answers it; null when none is due. */
    Pending claimOne(int lane) {
        Instant now = clock.instant();
        List<Pending> due = jdbc.sql("""
                        select id, recipient, subject, body, language, attempts, traceparent from notification
                        where status = 'PENDING' and next_attempt_at <= :now and mod(abs(hashtext(recipient)), :lanes) = :lane
                        order by next_attempt_at limit 1 for update skip locked""")
                .param("now", Timestamp.from(now)).param("lanes", LANES).param("lane", lane)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("language"), rs.getInt("attempts"), rs.getString("traceparent"))).list();
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
        traces.continued(mail.traceparent(), "mail send", io.micrometer.tracing.Span.Kind.CLIENT, () -> sendInTrace(mail));
    }

    private void sendInTrace(Pending mail) {
        Exception failure = null;
        try {
            smtp.send(mail);
        } catch (Exception e) {
            failure = e;
        }
        if (failure == null) {
            log.info("Mail {} sent", mail.id());
            outcomes.store(mail, "SENT", null, null);
        } else if (Smtp.mayHaveBeenAccepted(failure)) {
            log.error("Mail {}: no answer after it was handed to SMTP; it may have been delivered and is not sent again: {}",
                    mail.id(), failure.toString());
            outcomes.store(mail, "UNCONFIRMED", null, "no answer from SMTP after the mail was handed over: " + failure.getMessage());
        } else {
            Duration backOff = Duration.ofSeconds(5L << Math.min(mail.attempts(), 7));
            if (backOff.compareTo(Duration.ofMinutes(10)) > 0) {
                backOff = Duration.ofMinutes(10);
            }
            log.warn("Mail {} not sent (attempt {}), retrying in {}: {}", mail.id(), mail.attempts() + 1, backOff, failure.getMessage());
            outcomes.store(mail, "PENDING", clock.instant().plus(backOff), String.valueOf(failure.getMessage()));
        }
    }
}
