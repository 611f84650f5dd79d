package rs.greenvoucher.core.voucher.complete;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.DocumentRules;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.util.List;

/**
 * The applicant of an approved voucher, and only they, report its completion, with an invoice from every provider
 * that worked when the call requires them (D2).
 */
@Component
public record CompletionReporting(Vouchers vouchers, Limits limits, Clock clock) {

    @CommandHandler
    public void handle(ReportCompletion command) {
        vouchers.load(command).execute(application -> {
            application.requireOwner(command.applicantId());
            application.require(ApplicationStatus.APPROVED, "report completion of");
            List<DocumentRules.Missing> missing = DocumentRules.missingAtCompletion(
                    limits.callParameters(application.callId()).requiredDocuments(), application.providers(),
                    application.documents());
            if (!missing.isEmpty()) {
                throw new RuleViolation(RefusalCode.SCHEME_RULE_VIOLATED, List.of(RuleCode.D2),
                        "Attach an invoice from every provider that worked before you report completion.",
                        missing.stream().map(m -> new Refusal.Field("documents." + m.kind() + "." + m.providerCode(),
                                "the invoice of provider " + m.providerCode() + " is required")).toList());
            }
            application.record(new CompletionReported(command.applicationId(), command.report(), clock.instant()));
        });
    }
}
