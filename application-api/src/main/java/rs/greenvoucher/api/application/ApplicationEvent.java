package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every fact in the life of a voucher application; each knows the status it leaves the application in. The facts an
 * evaluator's decision brings are the {@link DecisionEvent}s.
 */
public sealed interface ApplicationEvent permits DecisionEvent, ApplicationEvent.ApplicationSubmitted,
        ApplicationEvent.ApplicationWithdrawn, ApplicationEvent.CompletionReported, ApplicationEvent.VoucherExpired,
        ApplicationEvent.CorrectionProposed, ApplicationEvent.CorrectionDeclined, ApplicationEvent.PersonalDataErased,
        ApplicationEvent.DocumentAttached {

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

    /**
     * A document was attached: to the draft that became this application (recorded right after its submission) or
     * to the application later. It carries what the file is, not the file: its SHA-256 names the exact bytes a
     * decision was taken on, and the sealed bytes stay in core's document table. The file name is personal (sealed).
     * The status does not change.
     */
    record DocumentAttached(UUID applicationId, UUID documentId, DocumentKind kind, String providerCode, String fileName,
                            String mediaType, long sizeBytes, String sha256, String uploadedBy,
                            ApplicationStatus currentStatus, Instant occurredAt) implements ApplicationEvent {
        public ApplicationStatus status() {
            return currentStatus;
        }
    }
}
