package rs.greenvoucher.notification.mail;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The senders of mails that are alive: this instance says so every {@link #BEAT} on a thread of its own (a slow SMTP
 * server holding the mail thread must not make it look dead), and a mail left SENDING by an instance that has not
 * said so for {@link #SILENCE} goes back to the queue ({@link #recoverAbandoned()}); so does one SENDING for longer
 * than {@link #SENDING_TIMEOUT} whoever sends it (the SMTP timeouts bound a live send to a few seconds).
 */
@Component
class MailSenders {

    static final Duration BEAT = Duration.ofSeconds(2);
    static final Duration SILENCE = Duration.ofSeconds(10);
    static final Duration SENDING_TIMEOUT = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(MailSenders.class);

    private final UUID self = UUID.randomUUID();
    /** When this instance last failed to say it is alive: its database was away, and so, likely, everyone's. */
    private volatile Instant lastFailedBeat = Instant.EPOCH;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-sender-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    MailSenders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        beats.scheduleWithFixedDelay(this::beat, 0, BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    UUID self() {
        return self;
    }

    void beat() {
        try {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("insert into mail_sender (instance, seen_at) values (:me, :now) on conflict (instance) do update set seen_at = :now")
                    .param("me", self).param("now", now).update();
            jdbc.sql("delete from mail_sender where seen_at < :long_ago")
                    .param("long_ago", Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).update();
        } catch (RuntimeException e) {
            lastFailedBeat = clock.instant();
            log.warn("Could not say this mail sender is alive (the database is away?): {}", e.toString());
        }
    }

    /**
     * A database outage silences every sender at once, this one too: for {@link #SILENCE} after this instance could
     * not say it is alive, nobody is taken for dead by their silence (their mail may be sent, its SENT not yet written:
     * sending it again would be a second mail). Only SENDING_TIMEOUT applies meanwhile.
     */
    static boolean othersMayBeJudged(Instant lastFailedBeat, Instant now) {
        return !now.isBefore(lastFailedBeat.plus(SILENCE));
    }

    /** Mails whose sender died mid-send go back to the queue. */
    @Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT2S")
    public void recoverAbandoned() {
        Instant now = clock.instant();
        int recovered = jdbc.sql("""
                        update notification set status = 'PENDING', next_attempt_at = :now, sending_since = null,
                            sending_by = null, last_error = 'the sender stopped while sending; sent again'
                        where status = 'SENDING' and (sending_since < :before or :judge and sending_since < :silent
                            and (sending_by is null or sending_by not in (select instance from mail_sender where seen_at >= :silent)))""")
                .param("judge", othersMayBeJudged(lastFailedBeat, now))
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(now.minus(SENDING_TIMEOUT)))
                .param("silent", Timestamp.from(now.minus(SILENCE))).update();
        if (recovered > 0) {
            log.warn("{} mail(s) left SENDING by a stopped instance are queued again", recovered);
        }
    }

    @PreDestroy
    void stop() {
        beats.shutdownNow();
    }
}
