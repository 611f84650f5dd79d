package rs.greenvoucher.core.voucher.reject;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.core.voucher.InvalidTransition;
import rs.greenvoucher.core.voucher.Vouchers;

import java.time.Clock;
import java.util.List;

/** A rejection at the stage the application is in: screening, provider matching or the committee, never at completion. */
@Component
public record Rejection(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public void handle(RejectApplication command) {
        vouchers.decide(command, application -> {
            ApplicationStatus expected = switch (command.stage()) {
                case SCREENING -> ApplicationStatus.SUBMITTED;
                case PROVIDER_MATCHING -> ApplicationStatus.SCREENED;
                case COMMITTEE -> ApplicationStatus.PROVIDER_MATCHED;
                case COMPLETION_VERIFICATION -> throw new InvalidTransition("reject at completion verification", application.status());
            };
            application.require(expected, "reject");
            application.record(new ApplicationRejected(command.applicationId(), command.decisionId(), command.stage(),
                    List.copyOf(command.ruleCodes()), command.reason(), null, command.decidedBy(), clock.instant()));
        });
    }
}
