package rs.greenvoucher.notification.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One reminder per voucher, a set number of days before its deadline. The reminder's key is derived from the
 * application id, so however often this runs, and on however many instances, one mail is stored.
 */
@Component
public class DeadlineReminders {

    private final JdbcClient jdbc;
    private final NotificationPlanner planner;
    private final Clock clock;
    private final int daysBefore;

    DeadlineReminders(JdbcClient jdbc, NotificationPlanner planner, Clock clock,
                      @Value("${gv.mail.reminder-days-before:14}") int daysBefore) {
        this.jdbc = jdbc;
        this.planner = planner;
        this.clock = clock;
        this.daysBefore = daysBefore;
    }

    @Scheduled(fixedDelayString = "${gv.mail.reminder-interval:PT1H}", initialDelayString = "PT30S")
    @Transactional
    public int remind() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Belgrade"));
        record Due(UUID applicationId, LocalDate validUntil) {
        }
        List<Due> due = jdbc.sql("""
                        select application_id, valid_until from voucher_deadline
                        where valid_until between :today and :limit and not reminded for update skip locked""")
                .param("today", today).param("limit", today.plusDays(daysBefore))
                .query((rs, n) -> new Due(rs.getObject("application_id", UUID.class), rs.getObject("valid_until", LocalDate.class)))
                .list();
        for (Due d : due) {
            NotificationPlanner.Recipient r = planner.recipient(d.applicationId());
            if (r != null) {
                UUID key = UUID.nameUUIDFromBytes(("reminder:" + d.applicationId()).getBytes(StandardCharsets.UTF_8));
                planner.store(key, d.applicationId(), "DeadlineReminder", r, Templates.reminder(r.language(), r.name(), r.trackingCode(), d.validUntil()));
            }
            jdbc.sql("update voucher_deadline set reminded = true where application_id = :id").param("id", d.applicationId()).update();
        }
        return due.size();
    }
}
