package rs.greenvoucher.core.voucher.refuse;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.DecisionEvent.DecisionRefused;
import rs.greenvoucher.core.voucher.Vouchers;

import java.time.Clock;

/** A decision the application could not take is recorded once with its reason, which the evaluator then sees. */
@Component
public record DecisionRefusal(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public void handle(RefuseDecision command) {
        vouchers.decide(command, application -> application.record(new DecisionRefused(command.applicationId(), command.decisionId(),
                command.code(), command.reason(), application.status(), clock.instant())));
    }
}
