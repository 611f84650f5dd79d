package rs.greenvoucher.core.voucher.submit;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.core.voucher.attach.Attachment;
import rs.greenvoucher.platform.refusal.ProviderCount;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A submission: to the call open on its day in Serbia, by the scheme's rules for that call (E9, S1–S4, and D1 with the
 * documents of the draft it is made from), with at most
 * three active providers (L2, P1), claiming the enterprise (L1, L3) and one of the account's open slots in the same
 * transaction; a refusal anywhere leaves no event and no limit row behind.
 */
@Component
public record Submission(Vouchers vouchers, Limits limits, DraftsToSubmit drafts, Clock clock) {

    @CommandHandler
    public Submitted handle(SubmitApplication command) throws Exception {
        Instant now = clock.instant();
        LocalDate today = SchemeRules.day(now);
        Limits.OpenCall call = limits.callOpenOn(today).orElseThrow(RuleViolation::callClosed);
        ApplicationForm form = command.form();
        List<DocumentStore.Stored> documents = command.draftId() == null ? List.of()
                : drafts.lock(command.applicantId(), command.draftId()).orElseThrow(() -> new Refusal(RefusalCode.NOT_FOUND,
                "No draft of yours with this id: it was submitted or deleted meanwhile.",
                List.of(new Refusal.Field("draftId", "not a draft of yours"))));
        SubmissionRules.check(form, call.parameters(), today, documents.stream().map(DocumentStore.Stored::attached).toList());
        ProviderCount.require("providerCodes", form.providerCodes()); // before the limits: an unknown fourth is refused by L2
        limits.requireActiveProviders(form.providerCodes(), "providerCodes");
        limits.claimEnterprise(form.enterprise().mb(), command.applicationId());
        limits.claimOpenApplicationSlot(command.applicantId(), command.applicationId());
        String trackingCode = limits.nextTrackingCode(today.getYear());
        // the names are sealed already, with the key the draft and the application share
        vouchers.create(new ApplicationSubmitted(command.applicationId(), trackingCode, call.id(), command.applicantId(),
                form, now, command.applicantLanguage(), command.applicantEmail()), documents.stream()
                .map(d -> Attachment.attached(d, command.applicationId(), d.fileName(), ApplicationStatus.SUBMITTED, now)).toList());
        if (command.draftId() != null) {
            drafts.submitted(command.applicantId(), command.draftId());
        }
        return new Submitted(command.applicationId(), trackingCode);
    }
}
