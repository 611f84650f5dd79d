package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every fact in the life of a voucher application; each knows the status it leaves the application in. The facts an
 * evaluator's decision brings are the {@link DecisionEvent}s.
 */
public sealed interface ApplicationEvent permits DecisionEvent, PaymentEvent, ApplicationEvent.ApplicationSubmitted,
        ApplicationEvent.ApplicationWithdrawn, ApplicationEvent.CompletionReported, ApplicationEvent.VoucherExpired,
        ApplicationEvent.CorrectionProposed, ApplicationEvent.CorrectionDeclined, ApplicationEvent.PersonalDataErased,
        ApplicationEvent.DocumentAttached, ApplicationEvent.InformationProvided, ApplicationEvent.ReplyReminderDue,
        ApplicationEvent.InformationRequestExpired {

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

    /**
     * The applicant answered a request for more information ({@link DecisionEvent.InformationRequested}): the reply,
     * and the form with the fields asked about changed ({@code form} null when no field changed). The application goes
     * back to the stage it was asked at ({@code statusAfter}), for the evaluator who asked ({@code returnedTo}). The
     * reply and the form's texts are personal (sealed).
     */
    record InformationProvided(UUID applicationId, UUID requestId, Stage stage, String reply,
                               List<RequestedField> changedFields, ApplicationForm form, String repliedBy,
                               String returnedTo, ApplicationStatus statusAfter, Instant occurredAt)
            implements ApplicationEvent {
        public String why() {
            return reply;
        }

        public ApplicationStatus status() {
            return statusAfter;
        }
    }

    /** The reply-by date of a request is near and no reply came: the applicant is reminded once. The status does not change. */
    record ReplyReminderDue(UUID applicationId, UUID requestId, LocalDate replyBy, Instant occurredAt)
            implements ApplicationEvent {
        public ApplicationStatus status() {
            return ApplicationStatus.INFORMATION_REQUESTED;
        }
    }

    /**
     * No reply by the reply-by date (D3): the application expires at the stage it was asked at, which frees the
     * enterprise (L1); a voucher asked about at completion gives its approved amount back to the call (L4).
     */
    record InformationRequestExpired(UUID applicationId, UUID requestId, Stage stage, UUID callId, Money releasedAmount,
                                     LocalDate replyBy, Instant occurredAt) implements ApplicationEvent {
        public String why() {
            return "no reply to the request for more information by " + replyBy;
        }

        public List<String> rules() {
            return List.of(RuleCode.D3.name());
        }

        public ApplicationStatus status() {
            return ApplicationStatus.EXPIRED;
        }
    }
}
