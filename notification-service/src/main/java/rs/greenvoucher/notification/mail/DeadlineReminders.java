package rs.greenvoucher.notification.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One reminder per voucher, a set number of days before its deadline. The reminder's key is derived from the
 * application id, so however often this runs, and on however many instances, one mail is stored.
 */
@Component
public class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

    private final JdbcClient jdbc;
    private final PlannedMails mails;
    private final Clock clock;
    private final int daysBefore;
    private final TransactionTemplate tx;

    DeadlineReminders(JdbcClient jdbc, PlannedMails mails, Clock clock,
                      @Value("${gv.mail.reminder-days-before:14}") int daysBefore, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.mails = mails;
        this.clock = clock;
        this.daysBefore = daysBefore;
    }

    /** One transaction per voucher: one that fails is tried again next round and never holds back the others. */
    @Scheduled(fixedDelayString = "${gv.mail.reminder-interval:PT1H}", initialDelayString = "PT30S")
    public int remind() {
        LocalDate today = rs.greenvoucher.api.SchemeRules.day(clock.instant());
        List<UUID> due = jdbc.sql("""
                        select application_id from voucher_deadline
                        where valid_until between :today and :limit and not reminded order by valid_until limit 1000""")
                .param("today", today).param("limit", today.plusDays(daysBefore)).query(UUID.class).list();
        int reminded = 0;
        for (UUID id : due) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> remindOne(id, today)))) {
                    reminded++;
                }
            } catch (RuntimeException e) {
                log.warn("Reminder for {} not planned now; tried again next round", id, e);
            }
        }
        return reminded;
    }

    /** The row is locked (skip locked) so two instances never plan the same reminder; the key makes it once anyway. */
    private boolean remindOne(UUID applicationId, LocalDate today) {
        List<LocalDate> validUntil = jdbc.sql("""
                        select valid_until from voucher_deadline
                        where application_id = :id and valid_until between :today and :limit and not reminded
                        for update skip locked""")
                .param("id", applicationId).param("today", today).param("limit", today.plusDays(daysBefore))
                .query(LocalDate.class).list();
        if (validUntil.isEmpty()) {
            return false;
        }
        PlannedMails.Recipient r = mails.recipient(applicationId);
        if (r != null) {
            UUID key = UUID.nameUUIDFromBytes(("reminder:" + applicationId).getBytes(StandardCharsets.UTF_8));
            mails.store(key, applicationId, "DeadlineReminder", r, VoucherMails.reminder(r.language(), r.name(), r.trackingCode(), validUntil.get(0)));
        }
        jdbc.sql("update voucher_deadline set reminded = true where application_id = :id").param("id", applicationId).update();
        return true;
    }
}
