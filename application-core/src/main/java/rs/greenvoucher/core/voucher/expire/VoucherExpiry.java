package rs.greenvoucher.core.voucher.expire;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.core.voucher.expire.ExpireVoucher;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Expires approved vouchers whose deadline has passed. The deadlines are rows in PostgreSQL (voucher_deadline,
 * written with VoucherApproved), so they survive restarts; "for update skip locked" lets any number of instances
 * run this without two of them expiring the same voucher (docs/adr/0004).
 */
@Component
public record VoucherExpiry(JdbcClient jdbc, CommandGateway commands, Clock clock, TransactionTemplate tx) {

    private static final Logger log = LoggerFactory.getLogger(VoucherExpiry.class);

    /**
     * A voucher is valid through its last day and expires the day after. Each voucher is expired in its own
     * transaction, so one that fails (logged, tried again next round) never holds back the others.
     */
    @Scheduled(fixedDelayString = "${gv.expiry.check-interval:PT1M}", initialDelayString = "${gv.expiry.initial-delay:PT20S}")
    public int expireDue() {
        LocalDate today = SchemeRules.day(clock.instant());
        List<UUID> due = jdbc.sql("select application_id from voucher_deadline where valid_until < :today order by valid_until limit 500")
                .param("today", today).query(UUID.class).list();
        int expired = 0;
        for (UUID id : due) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> expireOne(id, today)))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                log.warn("Voucher {} could not be expired now; tried again next round", id, e);
            }
        }
        if (expired > 0) {
            log.info("Expired {} voucher(s) past their deadline", expired);
        }
        return expired;
    }

    /** Another instance holding the row ("skip locked") or having expired it already leaves nothing to do here. */
    private boolean expireOne(UUID id, LocalDate today) {
        boolean mine = !jdbc.sql("""
                        select application_id from voucher_deadline where application_id = :id and valid_until < :today
                        for update skip locked""")
                .param("id", id).param("today", today).query(UUID.class).list().isEmpty();
        if (!mine) {
            return false;
        }
        commands.sendAndWait(new ExpireVoucher(id));
        jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", id).update();
        return true;
    }
}
