package rs.greenvoucher.core.voucher.decide;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The committee's decision, with three scores from 1 to 5. Approval checks S4 against the call (at most the call's
 * share of the cost and its maximum voucher) and reserves the amount from the call's budget (L4) in the same
 * transaction.
 */
@Component
public record CommitteeDecision(Vouchers vouchers, Limits limits, Clock clock) {

    @CommandHandler
    public void handle(DecideOnApplication command) {
        vouchers.decide(command, application -> {
            application.require(ApplicationStatus.PROVIDER_MATCHED, "decide on");
            if (command.scores() == null || !command.scores().isComplete()) {
                throw RuleViolation.schemeRules(List.of(), List.of(new Refusal.Field("scores", "three scores from 1 to 5")));
            }
            Instant now = clock.instant();
            if (!command.approve()) {
                application.record(new ApplicationRejected(command.applicationId(), command.decisionId(), Stage.COMMITTEE,
                        command.ruleCodes() == null ? List.of() : List.copyOf(command.ruleCodes()), command.reason(),
                        command.scores(), command.decidedBy(), now));
                return;
            }
            CallParameters call = limits.callParameters(application.callId());
            requireWithinTheCallsMoney(command.amount(), application.totalCost(), call);
            application.record(new VoucherApproved(command.applicationId(), command.decisionId(), application.callId(), command.amount(),
                    SchemeRules.voucherValidUntil(now, call.completionMonths()), command.scores(), command.reason(),
                    command.decidedBy(), now));
            limits.reserveBudget(application.callId(), command.amount());
        });
    }

    /** S4: a positive amount, at most the call's maximum voucher and its share of the service cost. */
    private static void requireWithinTheCallsMoney(Money amount, Money totalCost, CallParameters call) {
        List<Refusal.Field> errors = new ArrayList<>();
        if (amount == null || amount.amount().signum() <= 0) {
            errors.add(new Refusal.Field("voucherAmountEur", "a positive amount is required"));
        } else {
            for (MoneyLimits.Breach breach : MoneyLimits.of(call).amountBreaches(totalCost, amount)) {
                if (breach instanceof MoneyLimits.Breach.OverMaximum max) {
                    errors.add(new Refusal.Field("voucherAmountEur", "more than the call's maximum voucher of EUR " + max.maximum()));
                } else if (breach instanceof MoneyLimits.Breach.OverShare share) {
                    errors.add(new Refusal.Field("voucherAmountEur", "more than " + MoneyLimits.percent(share.sharePercent())
                            + " % of the service cost (EUR " + share.capByShare() + ")"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.schemeRules(List.of(RuleCode.S4), errors);
        }
    }
}
