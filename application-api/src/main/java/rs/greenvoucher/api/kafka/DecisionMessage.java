package rs.greenvoucher.api.kafka;

import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The messages of {@link Topics#APPLICATION_EVENTS} that come from an evaluator's decision (or an ADMIN's
 * correction), each carrying the decision it applies; named on the topic, like every message, by their record's name.
 */
public sealed interface DecisionMessage extends ApplicationMessage {

    UUID decisionId();

    record NamedProvider(String code, String name) {
    }

    record ApplicationScreened(UUID applicationId, UUID decisionId, List<RuleCheck> checks, String noteToApplicant,
                               String decidedBy, Instant occurredAt, ApplicationStatus status, String enterpriseMb)
            implements DecisionMessage {
    }

    record ProvidersMatched(UUID applicationId, UUID decisionId, List<ProviderCode> providerCodes,
                            List<NamedProvider> providers, String note, String decidedBy, Instant occurredAt,
                            ApplicationStatus status, String enterpriseMb) implements DecisionMessage {
    }

    /**
     * {@code amountEur} is the contract's name for the voucher; {@code amount} is the event's own. {@code providers} are
     * the voucher's providers and the people who act for them (to be told), absent in messages written before
     * providers had accounts.
     */
    record VoucherApproved(UUID applicationId, UUID decisionId, UUID callId, Money amount, Money amountEur,
                           LocalDate validUntil, Scores scores, String reason, String decidedBy, Instant occurredAt,
                           ApplicationStatus status, String enterpriseMb,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<ProviderContact> providers)
            implements DecisionMessage {
    }

    /**
     * The rule codes stay text: a rule newer than the reader is still a rejection, and the reason explains it
     * ({@link #knownRuleCodes()} are the ones this code can name).
     */
    record ApplicationRejected(UUID applicationId, UUID decisionId, Stage stage, List<String> ruleCodes, String reason,
                               Scores scores, String decidedBy, Instant occurredAt, ApplicationStatus status,
                               String enterpriseMb) implements DecisionMessage {
        public List<RuleCode> knownRuleCodes() {
            return ruleCodes == null ? List.of() : ruleCodes.stream()
                    .filter(code -> Arrays.stream(RuleCode.values()).anyMatch(known -> known.name().equals(code)))
                    .map(RuleCode::valueOf).toList();
        }
    }

    /** An evaluator asks for more information by {@code replyBy}; the kinds and fields are the contract's words. */
    record InformationRequested(UUID applicationId, UUID decisionId, Stage stage, String message, List<String> documentKinds,
                                List<String> fields, LocalDate replyBy, String decidedBy, Instant occurredAt,
                                ApplicationStatus status, String enterpriseMb) implements DecisionMessage {
    }

    record CompletionReportReturned(UUID applicationId, UUID decisionId, String note, String decidedBy, Instant occurredAt,
                                    ApplicationStatus status, String enterpriseMb) implements DecisionMessage {
    }

    /** {@code paidEur} is the contract's name for what was paid; {@code paidAmount} is the event's own. */
    record VoucherCompleted(UUID applicationId, UUID decisionId, Money paidAmount, Money paidEur, String note,
                            String decidedBy, Instant occurredAt, ApplicationStatus status, String enterpriseMb)
            implements DecisionMessage {
    }

    /** A decision core could not apply, and why; the status does not change. */
    record DecisionRefused(UUID applicationId, UUID decisionId, String code, String reason,
                           ApplicationStatus currentStatus, Instant occurredAt, ApplicationStatus status,
                           String enterpriseMb) implements DecisionMessage {
    }

    /**
     * A second ADMIN confirmed a correction: {@code REINSTATE} puts the application back at the stage ({@code status}
     * SCREENED or PROVIDER_MATCHED); {@code REJECT} is followed by an ApplicationRejected (the status is unchanged
     * until then) and {@code releasedEur} is an approved voucher's money going back to the call.
     */
    record DecisionCorrected(UUID applicationId, UUID correctionId, Stage stage, String kind, List<String> ruleCodes,
                             String reason, String proposedBy, String decidedBy, Money releasedEur, Instant occurredAt,
                             ApplicationStatus status, String enterpriseMb) implements DecisionMessage {
        public UUID decisionId() {
            return correctionId;
        }

        public boolean reinstates() {
            return "REINSTATE".equals(kind);
        }
    }
}
