package rs.greenvoucher.core.voucher.inform;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Sends the reminders and expiries of requests for more information when their day comes (D3). The deadlines are
 * rows in PostgreSQL (information_deadline, written with InformationRequested), so they survive restarts; each command
 * takes its row itself ({@link RequestDeadlines}), so a kill -9 at any point leaves it to do once more, never done
 * twice, and any number of instances may run this round.
 */
@Component
public record InformationDeadlines(JdbcClient jdbc, CommandGateway commands, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(InformationDeadlines.class);

    private record Due(UUID applicationId, UUID requestId) {
    }

    /** One round: the reminders due today or before, then the requests whose date has passed. */
    @Scheduled(fixedDelayString = "${gv.expiry.check-interval:PT1M}", initialDelayString = "${gv.expiry.initial-delay:PT20S}")
    public void run() {
        LocalDate today = SchemeRules.day(clock.instant());
        send(jdbc.sql("""
                        select application_id, request_id from information_deadline
                        where not reminded and remind_on <= :today and reply_by >= :today order by remind_on limit 500""")
                .param("today", today).query(Due.class).list(), due -> new RemindApplicant(due.applicationId(), due.requestId()));
        send(jdbc.sql("select application_id, request_id from information_deadline where reply_by < :today order by reply_by limit 500")
                .param("today", today).query(Due.class).list(), due -> new ExpireRequest(due.applicationId(), due.requestId()));
    }

    /** Each in its own command, so one that fails (logged, tried next round) never holds back the others. */
    private void send(List<Due> due, java.util.function.Function<Due, VoucherCommand> command) {
        for (Due d : due) {
            try {
                commands.sendAndWait(command.apply(d));
            } catch (RuntimeException e) {
                log.warn("A deadline of the request for information on {} could not be kept now; tried again next round",
                        d.applicationId(), e);
            }
        }
    }
}
