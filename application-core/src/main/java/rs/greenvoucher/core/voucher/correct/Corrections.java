package rs.greenvoucher.core.voucher.correct;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionDeclined;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionKind;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.DecisionCorrected;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.InvalidTransition;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A correction of the screening or committee decision by two administrators (docs/adr/0012): one proposes, another
 * confirms (four eyes) while the application is as it was proposed on, or declines. One correction waits at a time;
 * each is idempotent by its id. A reinstated application holds its enterprise (L1) and its account's slot again.
 */
@Component
public record Corrections(Vouchers vouchers, Limits limits, Clock clock) {

    @CommandHandler
    public void handle(ProposeCorrection command) {
        vouchers.load(command).execute(application -> {
            CorrectionProposed pending = application.pendingCorrection();
            if (pending != null && pending.correctionId().equals(command.correctionId()) || application.hasSeen(command.correctionId())) {
                return;
            }
            if (pending != null) {
                throw new Refusal(RefusalCode.CORRECTION_PENDING, "A correction of this application waits for a second "
                        + "administrator; confirm or decline it first.");
            }
            CorrectionKind kind = kind(application, command.stage());
            if (kind == null || kind == CorrectionKind.REINSTATE && application.personalDataErased()) {
                throw new InvalidTransition("correct the " + command.stage() + " decision of", application.status());
            }
            List<RuleCode> rules = command.ruleCodes() == null ? List.of() : List.copyOf(command.ruleCodes());
            if (kind == CorrectionKind.REJECT && rules.isEmpty()) {
                throw RuleViolation.schemeRules(List.of(), List.of(new Refusal.Field("ruleCodes",
                        "a correction that rejects names the rules the application does not meet")));
            }
            application.record(new CorrectionProposed(command.applicationId(), command.correctionId(), command.stage(), kind, rules,
                    command.reason(), command.proposedBy(), application.status(), clock.instant()));
        });
    }

    @CommandHandler
    public void handle(ConfirmCorrection command) {
        vouchers.load(command).execute(application -> {
            if (application.hasSeen(command.correctionId())) {
                return;
            }
            CorrectionProposed proposed = pending(application, command.correctionId());
            if (proposed.proposedBy().equals(command.confirmedBy())) {
                throw new Refusal(RefusalCode.FOUR_EYES, "Another administrator must confirm this correction.");
            }
            if (application.status() != proposed.currentStatus()) {
                throw new InvalidTransition("confirm a correction proposed while it was " + proposed.currentStatus() + " for",
                        application.status());
            }
            Instant now = clock.instant();
            if (proposed.kind() == CorrectionKind.REINSTATE) {
                limits.claimEnterprise(application.mb(), command.applicationId());
                limits.claimOpenApplicationSlot(application.applicantId(), command.applicationId());
                ApplicationStatus back = proposed.stage() == Stage.SCREENING ? ApplicationStatus.SCREENED : ApplicationStatus.PROVIDER_MATCHED;
                application.record(corrected(application, proposed, command.confirmedBy(), null, back, now));
                return;
            }
            Money released = application.status() == ApplicationStatus.APPROVED ? application.approvedAmount() : null;
            application.record(corrected(application, proposed, command.confirmedBy(), released, application.status(), now));
            application.record(new ApplicationRejected(command.applicationId(), proposed.correctionId(), proposed.stage(),
                    proposed.ruleCodes(), proposed.reason(), null, command.confirmedBy(), now));
        });
    }

    @CommandHandler
    public void handle(DeclineCorrection command) {
        vouchers.load(command).execute(application -> {
            if (application.hasSeen(command.correctionId()) || application.hasDeclined(command.correctionId())) {
                return;
            }
            pending(application, command.correctionId());
            application.record(new CorrectionDeclined(command.applicationId(), command.correctionId(), command.declinedBy(),
                    application.status(), clock.instant()));
        });
    }

    /** What a correction at this stage would do now; null if there is nothing there to correct. */
    static CorrectionKind kind(VoucherApplication application, Stage stage) {
        ApplicationStatus status = application.status();
        boolean rejectedThere = status == ApplicationStatus.REJECTED && application.rejectedAt() == stage;
        return switch (stage) {
            case SCREENING -> rejectedThere ? CorrectionKind.REINSTATE
                    : status == ApplicationStatus.SCREENED || status == ApplicationStatus.PROVIDER_MATCHED ? CorrectionKind.REJECT : null;
            case COMMITTEE -> rejectedThere ? CorrectionKind.REINSTATE : status == ApplicationStatus.APPROVED ? CorrectionKind.REJECT : null;
            case PROVIDER_MATCHING, COMPLETION_VERIFICATION -> null;
        };
    }

    private static CorrectionProposed pending(VoucherApplication application, UUID correctionId) {
        CorrectionProposed pending = application.pendingCorrection();
        if (pending == null || !pending.correctionId().equals(correctionId)) {
            throw Refusal.notFound("No such correction is waiting.");
        }
        return pending;
    }

    private static DecisionCorrected corrected(VoucherApplication application, CorrectionProposed proposed, String confirmedBy,
                                               Money released, ApplicationStatus status, Instant now) {
        return new DecisionCorrected(proposed.applicationId(), proposed.correctionId(), proposed.stage(), proposed.kind(),
                proposed.ruleCodes(), proposed.reason(), proposed.proposedBy(), confirmedBy, application.callId(), released,
                status, now);
    }
}
