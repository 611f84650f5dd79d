package rs.greenvoucher.core.voucher.verify;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.DecisionEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.core.voucher.Vouchers;

import java.time.Clock;

/** Verification of a reported completion: accepted, the voucher's approved amount is paid; or the report goes back. */
@Component
public record Verification(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public void handle(VerifyCompletion command) {
        vouchers.decide(command, application -> {
            application.require(ApplicationStatus.COMPLETION_REPORTED, "verify completion of");
            application.record(command.accepted()
                    ? new VoucherCompleted(command.applicationId(), command.decisionId(), application.approvedAmount(), command.note(),
                            command.decidedBy(), clock.instant())
                    : new CompletionReportReturned(command.applicationId(), command.decisionId(), command.note(), command.decidedBy(),
                            clock.instant()));
        });
    }
}
