package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Every fact in the life of a voucher application; each knows the status it leaves the application in. */
public sealed interface ApplicationEvent {

    UUID applicationId();

    Instant occurredAt();

    /** The status after this event. */
    ApplicationStatus status();

    /** Why it happened, in the words of whoever made it happen (the audit trail's "why"); null if nothing was said. */
    default String why() {
        return null;
    }

    /** The scheme rules it names (the audit trail's rule codes): the failed checks, the rules of a rejection. */
    default List<String> rules() {
        return List.of();
    }

    /** An event that comes from an evaluator's decision, identified by its decision id. */
    sealed interface FromDecision extends ApplicationEvent {
        UUID decisionId();
    }

    /** A decision that was applied, and who took it. */
    sealed interface Decided extends FromDecision {
        String decidedBy();
    }

    /**
     * Revision 2 carries the applicant's language at submission, so that every read model built from it is the same on
     * every replay (revision 1, without it, is upcast with the scheme's default language, "sr"). Revision 3 carries
     * the applicant's verified e-mail address, the only address the applicant's mails go to (the form's contact
     * e-mail is data); revisions 1 and 2 are upcast without one.
     */
    @Revision("3")
    record ApplicationSubmitted(UUID applicationId, String trackingCode, UUID callId, String applicantId,
                                ApplicationForm form, Instant occurredAt, String applicantLanguage,
                                String applicantEmail) implements ApplicationEvent {
        public ApplicationStatus status() {
            return ApplicationStatus.SUBMITTED;
        }
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

    record ApplicationWithdrawn(UUID applicationId, String reason, Instant occurredAt) implements ApplicationEvent {
        public String why() {
            return reason;
        }

        public ApplicationStatus status() {
            return ApplicationStatus.WITHDRAWN;
        }
    }

    record CompletionReported(UUID applicationId, CompletionReport report, Instant occurredAt) implements ApplicationEvent {
        public ApplicationStatus status() {
            return ApplicationStatus.COMPLETION_REPORTED;
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

    record VoucherExpired(UUID applicationId, UUID callId, Money releasedAmount, Instant occurredAt) implements ApplicationEvent {
        public String why() {
            return "the voucher's deadline passed without an accepted completion report";
        }

        public ApplicationStatus status() {
            return ApplicationStatus.EXPIRED;
        }
    }

    /** What a correction does: sends a rejected application back to the stage, or rejects it. */
    enum CorrectionKind { REINSTATE, REJECT }

    /** An ADMIN proposed to correct a decision; it waits for a second ADMIN. The status does not change. */
    record CorrectionProposed(UUID applicationId, UUID correctionId, Stage stage, CorrectionKind kind,
                              List<RuleCode> ruleCodes, String reason, String proposedBy, ApplicationStatus currentStatus,
                              Instant occurredAt) implements ApplicationEvent {
        public String why() {
            return reason;
        }

        public List<String> rules() {
            return ruleCodes == null ? List.of() : ruleCodes.stream().map(Enum::name).toList();
        }

        public ApplicationStatus status() {
            return currentStatus;
        }
    }

    /** A proposed correction was declined (or taken back by its proposer). The status does not change. */
    record CorrectionDeclined(UUID applicationId, UUID correctionId, String declinedBy, ApplicationStatus currentStatus,
                              Instant occurredAt) implements ApplicationEvent {
        public ApplicationStatus status() {
            return currentStatus;
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

    /**
     * An ADMIN erased the applicant's personal data on their request: the application's key is deleted, so every
     * personal field of its events reads as erased from now on. It carries no personal data; the status does not
     * change.
     */
    record PersonalDataErased(UUID applicationId, String applicantId, String reason, String erasedBy,
                              ApplicationStatus currentStatus, Instant occurredAt) implements ApplicationEvent {
        public String why() {
            return reason;
        }

        public ApplicationStatus status() {
            return currentStatus;
        }
    }

    /** An evaluator's decision that core could not apply, and why; the status does not change. */
    record DecisionRefused(UUID applicationId, UUID decisionId, String code, String reason,
                           ApplicationStatus currentStatus, Instant occurredAt) implements FromDecision {
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
