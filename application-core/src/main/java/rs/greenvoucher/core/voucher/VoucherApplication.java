package rs.greenvoucher.core.voucher;

import rs.greenvoucher.platform.refusal.ProviderCount;
import rs.greenvoucher.platform.refusal.Refusal;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationCommand.ConfirmCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.DecideOnApplication;
import rs.greenvoucher.api.application.ApplicationCommand.DeclineCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.ErasePersonalData;
import rs.greenvoucher.api.application.ApplicationCommand.MatchProviders;
import rs.greenvoucher.api.application.ApplicationCommand.ProposeCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.RejectApplication;
import rs.greenvoucher.api.application.ApplicationCommand.ReportCompletion;
import rs.greenvoucher.api.application.ApplicationCommand.ScreenApplication;
import rs.greenvoucher.api.application.ApplicationCommand.SubmitApplication;
import rs.greenvoucher.api.application.ApplicationCommand.VerifyCompletion;
import rs.greenvoucher.api.application.ApplicationCommand.WithdrawApplication;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationRejected;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationScreened;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionDeclined;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionKind;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.ApplicationEvent.DecisionCorrected;
import rs.greenvoucher.api.application.ApplicationEvent.DecisionRefused;
import rs.greenvoucher.api.application.ApplicationEvent.PersonalDataErased;
import rs.greenvoucher.api.application.ApplicationEvent.ProvidersMatched;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherApproved;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherCompleted;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static rs.greenvoucher.api.value.ApplicationStatus.APPROVED;
import static rs.greenvoucher.api.value.ApplicationStatus.COMPLETION_REPORTED;
import static rs.greenvoucher.api.value.ApplicationStatus.PROVIDER_MATCHED;
import static rs.greenvoucher.api.value.ApplicationStatus.SCREENED;
import static rs.greenvoucher.api.value.ApplicationStatus.SUBMITTED;

/**
 * One voucher application and its lifecycle. Decides every transition from its own history; the set-based limits
 * (L1, L3, L4, P1) are held by {@link ApplicationCommandHandler} in the same transaction. Evaluators' decisions are
 * idempotent by decision id: a decision seen before changes nothing.
 */
@Aggregate
public class VoucherApplication {

    @AggregateIdentifier
    private UUID id;
    private ApplicationStatus status;
    private UUID callId;
    private String applicantId;
    private Money totalCost;
    private Money approvedAmount;
    private boolean personalDataErased;
    private Mb mb;
    private Stage rejectedAt;
    private CorrectionProposed pendingCorrection;
    private final Set<UUID> decisions = new HashSet<>();
    private final Set<UUID> declined = new HashSet<>();

    protected VoucherApplication() {
        // for Axon
    }

    VoucherApplication(SubmitApplication command, String trackingCode, UUID callId, Instant now) {
        ProviderCount.require("providerCodes", command.form().providerCodes());
        apply(new ApplicationSubmitted(command.applicationId(), trackingCode, callId, command.applicantId(),
                command.form(), now, command.applicantLanguage(), command.applicantEmail()));
    }

    /** Whether an evaluator's decision was applied or refused before; then it must change nothing. */
    boolean hasSeen(UUID decisionId) {
        return decisionId != null && decisions.contains(decisionId);
    }

    ApplicationStatus status() {
        return status;
    }

    UUID callId() {
        return callId;
    }

    Money approvedAmount() {
        return approvedAmount;
    }

    void screen(ScreenApplication command, Instant now) {
        if (hasSeen(command.decisionId())) {
            return;
        }
        require(SUBMITTED, "screen");
        List<RuleCheck> checks = command.checks() == null ? List.of() : command.checks();
        if (command.passed()) {
            List<RuleCode> failed = checks.stream().filter(c -> !c.passed()).map(RuleCheck::rule).toList();
            if (!failed.isEmpty()) {
                throw RuleViolation.schemeRules(failed, List.of(new Refusal.Field("checks", "a passed screening cannot have failed checks")));
            }
            apply(new ApplicationScreened(id, command.decisionId(), checks, command.noteToApplicant(), command.decidedBy(), now));
        } else {
            List<RuleCode> failed = checks.stream().filter(c -> !c.passed()).map(RuleCheck::rule).distinct().toList();
            if (failed.isEmpty()) {
                throw RuleViolation.schemeRules(List.of(), List.of(new Refusal.Field("checks", "a failed screening names at least one failed rule")));
            }
            apply(new ApplicationRejected(id, command.decisionId(), Stage.SCREENING, failed, command.noteToApplicant(),
                    null, command.decidedBy(), now));
        }
    }

    void matchProviders(MatchProviders command, Instant now) {
        if (hasSeen(command.decisionId())) {
            return;
        }
        require(SCREENED, "match providers for");
        ProviderCount.require("providerCodes", command.providerCodes());
        if (command.providerCodes() == null || command.providerCodes().isEmpty()) {
            throw Refusal.invalid("providerCodes", "at least one provider");
        }
        apply(new ProvidersMatched(id, command.decisionId(), List.copyOf(command.providerCodes()), command.note(),
                command.decidedBy(), now));
    }

    void reject(RejectApplication command, Instant now) {
        if (hasSeen(command.decisionId())) {
            return;
        }
        ApplicationStatus expected = switch (command.stage()) {
            case SCREENING -> SUBMITTED;
            case PROVIDER_MATCHING -> SCREENED;
            case COMMITTEE -> PROVIDER_MATCHED;
            case COMPLETION_VERIFICATION -> throw new InvalidTransition("reject at completion verification", status);
        };
        require(expected, "reject");
        apply(new ApplicationRejected(id, command.decisionId(), command.stage(), List.copyOf(command.ruleCodes()),
                command.reason(), null, command.decidedBy(), now));
    }

    /**
     * The committee's decision. Approval checks S4 against the call (at most the call's share of the cost and its
     * maximum voucher); the call budget (L4) is reserved by the handler in the same transaction.
     */
    void decide(DecideOnApplication command, CallParameters call, Instant now) {
        if (hasSeen(command.decisionId())) {
            return;
        }
        require(PROVIDER_MATCHED, "decide on");
        if (command.scores() == null || !command.scores().isComplete()) {
            throw RuleViolation.schemeRules(List.of(), List.of(new Refusal.Field("scores", "three scores from 1 to 5")));
        }
        if (!command.approve()) {
            apply(new ApplicationRejected(id, command.decisionId(), Stage.COMMITTEE,
                    command.ruleCodes() == null ? List.of() : List.copyOf(command.ruleCodes()), command.reason(),
                    command.scores(), command.decidedBy(), now));
            return;
        }
        Money amount = command.amount();
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
        LocalDate validUntil = SchemeRules.voucherValidUntil(now, call.completionMonths());
        apply(new VoucherApproved(id, command.decisionId(), callId, amount, validUntil, command.scores(), command.reason(),
                command.decidedBy(), now));
    }

    void withdraw(WithdrawApplication command, Instant now) {
        requireOwner(command.applicantId());
        if (!status.isWithdrawable()) {
            throw new InvalidTransition("withdraw", status);
        }
        apply(new ApplicationWithdrawn(id, command.reason(), now));
    }

    void reportCompletion(ReportCompletion command, Instant now) {
        requireOwner(command.applicantId());
        require(APPROVED, "report completion of");
        apply(new CompletionReported(id, command.report(), now));
    }

    void verifyCompletion(VerifyCompletion command, Instant now) {
        if (hasSeen(command.decisionId())) {
            return;
        }
        require(COMPLETION_REPORTED, "verify completion of");
        if (command.accepted()) {
            apply(new VoucherCompleted(id, command.decisionId(), approvedAmount, command.note(), command.decidedBy(), now));
        } else {
            apply(new CompletionReportReturned(id, command.decisionId(), command.note(), command.decidedBy(), now));
        }
    }

    /** The deadline passed. Only an approved voucher that is not completed expires; otherwise nothing happens. */
    void expire(Instant now) {
        if (status == APPROVED || status == COMPLETION_REPORTED) {
            apply(new VoucherExpired(id, callId, approvedAmount, now));
        }
    }

    /**
     * A correction of the screening or committee decision (docs/adr/0012): a rejection at that stage is reinstated, a
     * positive outcome there becomes a rejection for the rules named. One at a time; the status says which.
     */
    void proposeCorrection(ProposeCorrection command, Instant now) {
        if (pendingCorrection != null) {
            if (pendingCorrection.correctionId().equals(command.correctionId())) {
                return;
            }
            throw new Refusal(RefusalCode.CORRECTION_PENDING, "A correction of this application waits for a second "
                    + "administrator; confirm or decline it first.", List.of(), List.of(), java.util.Map.of());
        }
        if (hasSeen(command.correctionId())) {
            return;
        }
        CorrectionKind kind = correctionKind(command.stage());
        if (kind == null || kind == CorrectionKind.REINSTATE && personalDataErased) {
            throw new InvalidTransition("correct the " + command.stage() + " decision of", status);
        }
        List<RuleCode> rules = command.ruleCodes() == null ? List.of() : List.copyOf(command.ruleCodes());
        if (kind == CorrectionKind.REJECT && rules.isEmpty()) {
            throw RuleViolation.schemeRules(List.of(), List.of(new Refusal.Field("ruleCodes",
                    "a correction that rejects names the rules the application does not meet")));
        }
        apply(new CorrectionProposed(id, command.correctionId(), command.stage(), kind, rules, command.reason(),
                command.proposedBy(), status, now));
    }

    /** What a correction at this stage would do now; null if there is nothing there to correct. */
    CorrectionKind correctionKind(Stage stage) {
        if (stage == Stage.SCREENING) {
            return status == ApplicationStatus.REJECTED && rejectedAt == Stage.SCREENING ? CorrectionKind.REINSTATE
                    : status == SCREENED || status == PROVIDER_MATCHED ? CorrectionKind.REJECT : null;
        }
        if (stage == Stage.COMMITTEE) {
            return status == ApplicationStatus.REJECTED && rejectedAt == Stage.COMMITTEE ? CorrectionKind.REINSTATE
                    : status == APPROVED ? CorrectionKind.REJECT : null;
        }
        return null;
    }

    /** Whether confirming this correction sends the application back into evaluation (it then holds its MB again). */
    boolean reinstates(ConfirmCorrection command) {
        return pendingCorrection != null && pendingCorrection.correctionId().equals(command.correctionId())
                && pendingCorrection.kind() == CorrectionKind.REINSTATE;
    }

    Mb mb() {
        return mb;
    }

    String applicantId() {
        return applicantId;
    }

    /** Four eyes: another ADMIN than the proposer confirms, and only while the application is as it was proposed on. */
    void confirmCorrection(ConfirmCorrection command, Instant now) {
        if (hasSeen(command.correctionId())) {
            return;
        }
        CorrectionProposed proposed = requirePending(command.correctionId());
        if (proposed.proposedBy().equals(command.confirmedBy())) {
            throw new Refusal(RefusalCode.FOUR_EYES, "Another administrator must confirm this correction.",
                    List.of(), List.of(), java.util.Map.of());
        }
        if (status != proposed.currentStatus()) {
            throw new InvalidTransition("confirm a correction proposed while it was " + proposed.currentStatus() + " for", status);
        }
        if (proposed.kind() == CorrectionKind.REINSTATE) {
            ApplicationStatus back = proposed.stage() == Stage.SCREENING ? SCREENED : PROVIDER_MATCHED;
            apply(new DecisionCorrected(id, proposed.correctionId(), proposed.stage(), proposed.kind(), proposed.ruleCodes(),
                    proposed.reason(), proposed.proposedBy(), command.confirmedBy(), callId, null, back, now));
            return;
        }
        Money released = status == APPROVED ? approvedAmount : null;
        apply(new DecisionCorrected(id, proposed.correctionId(), proposed.stage(), proposed.kind(), proposed.ruleCodes(),
                proposed.reason(), proposed.proposedBy(), command.confirmedBy(), callId, released, status, now));
        apply(new ApplicationRejected(id, proposed.correctionId(), proposed.stage(), proposed.ruleCodes(), proposed.reason(),
                null, command.confirmedBy(), now));
    }

    void declineCorrection(DeclineCorrection command, Instant now) {
        if (hasSeen(command.correctionId()) || declined.contains(command.correctionId())) {
            return;
        }
        requirePending(command.correctionId());
        apply(new CorrectionDeclined(id, command.correctionId(), command.declinedBy(), status, now));
    }

    private CorrectionProposed requirePending(UUID correctionId) {
        if (pendingCorrection == null || !pendingCorrection.correctionId().equals(correctionId)) {
            throw Refusal.notFound("No such correction is waiting.");
        }
        return pendingCorrection;
    }

    /** Only a closed application: the scheme still needs the data of one that is under way (docs/adr/0011). */
    void erasePersonalData(ErasePersonalData command, Instant now) {
        if (!status.isClosed()) {
            throw new InvalidTransition("erase the personal data of", status);
        }
        if (personalDataErased) {
            return;
        }
        if (pendingCorrection != null) {
            throw new Refusal(RefusalCode.CORRECTION_PENDING, "A correction of this application waits for a second "
                    + "administrator; confirm or decline it before erasing.", List.of(), List.of(), java.util.Map.of());
        }
        apply(new PersonalDataErased(id, applicantId, command.reason(), command.erasedBy(), status, now));
    }

    void refuseDecision(UUID decisionId, String code, String reason, Instant now) {
        if (hasSeen(decisionId)) {
            return;
        }
        apply(new DecisionRefused(id, decisionId, code, reason, status, now));
    }

    /** An applicant acts only on their own application; anyone else is told it does not exist. */
    private void requireOwner(String applicant) {
        if (applicant == null || !applicant.equals(applicantId)) {
            throw Refusal.notFound("No such resource.");
        }
    }

    private void require(ApplicationStatus expected, String action) {
        if (status != expected) {
            throw new InvalidTransition(action, status);
        }
    }

    @EventSourcingHandler
    void on(ApplicationEvent event) {
        if (event instanceof ApplicationSubmitted submitted) {
            id = submitted.applicationId();
            callId = submitted.callId();
            applicantId = submitted.applicantId();
            totalCost = submitted.form().project().totalCost();
            mb = submitted.form().enterprise().mb();
        }
        if (event instanceof VoucherApproved approved) {
            approvedAmount = approved.amount();
        }
        if (event instanceof PersonalDataErased) {
            personalDataErased = true;
        }
        if (event instanceof ApplicationRejected rejected) {
            rejectedAt = rejected.stage();
        }
        if (event instanceof CorrectionProposed proposed) {
            pendingCorrection = proposed;
        }
        if (event instanceof CorrectionDeclined declinedOne) {
            pendingCorrection = null;
            declined.add(declinedOne.correctionId());
        }
        if (event instanceof DecisionCorrected corrected) {
            pendingCorrection = null;
            if (corrected.kind() == CorrectionKind.REINSTATE) {
                rejectedAt = null;
            }
            if (corrected.releasedAmount() != null) {
                approvedAmount = null;
            }
        }
        if (event instanceof ApplicationEvent.FromDecision decision) {
            decisions.add(decision.decisionId());
        }
        status = event.status();
    }
}
