package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The events that come from an evaluator's decision (or a correction by two administrators), identified by their
 * decision id. They are stored under the names they had when they were nested in {@link ApplicationEvent}
 * ({@link StoredEventNames}), so the events already in the store read as before.
 */
public sealed interface DecisionEvent extends ApplicationEvent {

    UUID decisionId();

    /** A decision that was applied, and who took it. */
    sealed interface Decided extends DecisionEvent {
        String decidedBy();
    }

    record ApplicationScreened(UUID applicationId, UUID decisionId, List<RuleCheck> checks, String noteToApplicant,
                               String decidedBy, Instant occurredAt) implements Decided {
        public String why() {
            return noteToApplicant;
        }

        public List<String> rules() {
            return checks == null ? List.of() : checks.stream().filter(c -> !c.passed()).map(c -> c.rule().name()).toList();
        }

        public ApplicationStatus status() {
            return ApplicationStatus.SCREENED;
        }
    }

    record ProvidersMatched(UUID applicationId, UUID decisionId, List<ProviderCode> providerCodes, String note,
                            String decidedBy, Instant occurredAt) implements Decided {
        public String why() {
            return note;
        }

        public ApplicationStatus status() {
            return ApplicationStatus.PROVIDER_MATCHED;
        }
    }

    record VoucherApproved(UUID applicationId, UUID decisionId, UUID callId, Money amount, LocalDate validUntil,
                           Scores scores, String reason, String decidedBy, Instant occurredAt) implements Decided {
        public String why() {
            return reason;
        }

        public ApplicationStatus status() {
            return ApplicationStatus.APPROVED;
        }
    }

    record ApplicationRejected(UUID applicationId, UUID decisionId, Stage stage, List<RuleCode> ruleCodes, String reason,
                               Scores scores, String decidedBy, Instant occurredAt) implements Decided {
        public String why() {
            return reason;
        }

        public List<String> rules() {
            return ruleCodes == null ? List.of() : ruleCodes.stream().map(Enum::name).toList();
        }

        public ApplicationStatus status() {
            return ApplicationStatus.REJECTED;
        }
    }

    /**
     * An evaluator asked the applicant for more information at {@code stage} (screening, matching or completion
     * verification): what, in words, the documents and fields named, and the date to reply by (D3). The application
     * waits in INFORMATION_REQUESTED, still holding its enterprise's voucher (L1).
     */
    record InformationRequested(UUID applicationId, UUID decisionId, Stage stage, String message,
                                List<DocumentKind> documentKinds, List<RequestedField> fields, LocalDate replyBy,
                                String decidedBy, Instant occurredAt) implements Decided {
        public String why() {
            return message;
        }

        public ApplicationStatus status() {
            return ApplicationStatus.INFORMATION_REQUESTED;
        }
    }

    /** The evaluator did not accept the completion report; the voucher is APPROVED again until its deadline. */
    record CompletionReportReturned(UUID applicationId, UUID decisionId, String note, String decidedBy, Instant occurredAt)
            implements Decided {
        public String why() {
            return note;
        }

        public ApplicationStatus status() {
            return ApplicationStatus.APPROVED;
        }
    }

    record VoucherCompleted(UUID applicationId, UUID decisionId, Money paidAmount, String note, String decidedBy,
                            Instant occurredAt) implements Decided {
        public String why() {
            return note;
        }

        public ApplicationStatus status() {
            return ApplicationStatus.COMPLETED;
        }
    }

    /**
     * A second ADMIN confirmed a correction. A reinstatement leaves the application in {@code statusAfter} (SCREENED
     * after screening, PROVIDER_MATCHED before the committee); a correction that rejects is followed by an
     * {@link ApplicationRejected} with the correction's id as its decision, and {@code releasedAmount} is the approved
     * voucher's money going back to the call.
     */
    record DecisionCorrected(UUID applicationId, UUID correctionId, Stage stage, CorrectionKind kind,
                             List<RuleCode> ruleCodes, String reason, String proposedBy, String decidedBy, UUID callId,
                             Money releasedAmount, ApplicationStatus statusAfter, Instant occurredAt) implements Decided {
        public String why() {
            return reason;
        }

        public List<String> rules() {
            return ruleCodes == null ? List.of() : ruleCodes.stream().map(Enum::name).toList();
        }

        public UUID decisionId() {
            return correctionId;
        }

        public ApplicationStatus status() {
            return statusAfter;
        }
    }

    /** An evaluator's decision that core could not apply, and why; the status does not change. */
    record DecisionRefused(UUID applicationId, UUID decisionId, String code, String reason,
                           ApplicationStatus currentStatus, Instant occurredAt) implements DecisionEvent {
        public String why() {
            return reason;
        }

        public List<String> rules() {
            return List.of(code);
        }

        public ApplicationStatus status() {
            return currentStatus;
        }
    }
}
