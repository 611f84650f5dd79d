package rs.greenvoucher.core.voucher.screen;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationScreened;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.util.List;

/**
 * Screening of a submitted application: a pass has no failed check; a failure names at least one failed rule, and
 * rejects the application at screening.
 */
@Component
public record Screening(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public void handle(ScreenApplication command) {
        vouchers.decide(command, application -> {
            application.require(ApplicationStatus.SUBMITTED, "screen");
            List<RuleCheck> checks = command.checks() == null ? List.of() : command.checks();
            List<RuleCode> failed = checks.stream().filter(c -> !c.passed()).map(RuleCheck::rule).distinct().toList();
            if (command.passed() && !failed.isEmpty()) {
                throw RuleViolation.schemeRules(failed, List.of(new Refusal.Field("checks", "a passed screening cannot have failed checks")));
            }
            if (!command.passed() && failed.isEmpty()) {
                throw RuleViolation.schemeRules(List.of(), List.of(new Refusal.Field("checks", "a failed screening names at least one failed rule")));
            }
            application.record(command.passed()
                    ? new ApplicationScreened(command.applicationId(), command.decisionId(), checks, command.noteToApplicant(),
                            command.decidedBy(), clock.instant())
                    : new ApplicationRejected(command.applicationId(), command.decisionId(), Stage.SCREENING, failed,
                            command.noteToApplicant(), null, command.decidedBy(), clock.instant()));
        });
    }
}
