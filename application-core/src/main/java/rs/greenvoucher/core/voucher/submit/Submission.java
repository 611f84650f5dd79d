package rs.greenvoucher.core.voucher.submit;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.ProviderCount;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A submission: to the call open on its day in Serbia, by the scheme's rules for that call (E9, S1–S4), with at most
 * three active providers (L2, P1), claiming the enterprise (L1, L3) and one of the account's open slots in the same
 * transaction; a refusal anywhere leaves no event and no limit row behind.
 */
@Component
public record Submission(Vouchers vouchers, Limits limits, Clock clock) {

    @CommandHandler
    public Submitted handle(SubmitApplication command) throws Exception {
        Instant now = clock.instant();
        LocalDate today = SchemeRules.day(now);
        Limits.OpenCall call = limits.callOpenOn(today).orElseThrow(RuleViolation::callClosed);
        ApplicationForm form = command.form();
        SubmissionRules.check(form, call.parameters(), today);
        ProviderCount.require("providerCodes", form.providerCodes()); // before the limits: an unknown fourth is refused by L2
        limits.requireActiveProviders(form.providerCodes(), "providerCodes");
        limits.claimEnterprise(form.enterprise().mb(), command.applicationId());
        limits.claimOpenApplicationSlot(command.applicantId(), command.applicationId());
        String trackingCode = limits.nextTrackingCode(today.getYear());
        vouchers.create(new ApplicationSubmitted(command.applicationId(), trackingCode, call.id(), command.applicantId(),
                form, now, command.applicantLanguage(), command.applicantEmail()));
        return new Submitted(command.applicationId(), trackingCode);
    }
}
