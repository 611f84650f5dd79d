package rs.greenvoucher.core.expiry;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.application.ApplicationCommand.ExpireVoucher;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Expires approved vouchers whose deadline has passed. The deadlines are rows in PostgreSQL (voucher_deadline,
 * written with VoucherApproved), so they survive restarts; "for update skip locked" lets any number of instances
 * run this without two of them expiring the same voucher (docs/adr/0004).
 */
@Component
public class VoucherExpiry {

    private static final Logger log = LoggerFactory.getLogger(VoucherExpiry.class);
    private static final ZoneId SCHEME_ZONE = ZoneId.of("Europe/Belgrade");

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    VoucherExpiry(JdbcClient jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    /** A voucher is valid through its last day and expires the day after. */
    @Scheduled(fixedDelayString = "${gv.expiry.check-interval:PT1M}", initialDelayString = "PT20S")
    @Transactional
    public int expireDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SCHEME_ZONE);
        List<UUID> due = jdbc.sql("""
                        select application_id from voucher_deadline where valid_until < :today
                        order by valid_until limit 100 for update skip locked""")
                .param("today", today).query(UUID.class).list();
        for (UUID id : due) {
            commands.sendAndWait(new ExpireVoucher(id));
            jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", id).update();
        }
        if (!due.isEmpty()) {
            log.info("Expired {} voucher(s) past their deadline", due.size());
        }
        return due.size();
    }
}
