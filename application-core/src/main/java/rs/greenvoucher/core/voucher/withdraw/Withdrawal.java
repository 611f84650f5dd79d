package rs.greenvoucher.core.voucher.withdraw;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.core.voucher.InvalidTransition;
import rs.greenvoucher.core.voucher.Vouchers;

import java.time.Clock;

/** Only the applicant, and only before approval (also while the application waits for a reply at screening or matching). */
@Component
public record Withdrawal(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public void handle(WithdrawApplication command) {
        vouchers.load(command).execute(application -> {
            application.requireOwner(command.applicantId());
            if (!application.withdrawable()) {
                throw new InvalidTransition("withdraw", application.status());
            }
            application.record(new ApplicationWithdrawn(command.applicationId(), command.reason(), clock.instant()));
        });
    }
}
