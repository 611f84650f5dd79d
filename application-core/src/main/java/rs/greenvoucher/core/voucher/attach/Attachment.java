package rs.greenvoucher.core.voucher.attach;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.DocumentAttached;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Instant;

/**
 * A document after submission: for the completion report, by the applicant of an approved voucher, of a kind the
 * report asks for (an invoice from one of the voucher's providers, evidence of the results, another); or for a reply
 * to a request for more information, of a kind the evaluator named (or another). The file is stored with its event,
 * in one transaction. What a draft carries is attached at submission.
 */
@Component
public record Attachment(Vouchers vouchers, DocumentFiles documents, Clock clock) {

    @CommandHandler
    public DocumentStore.Stored handle(AttachDocument command) {
        return vouchers.load(command).invoke(application -> {
            application.requireOwner(command.applicantId());
            Upload upload = command.upload();
            if (application.status() == ApplicationStatus.INFORMATION_REQUESTED) {
                // a reply brings what the evaluator asked for (D3), and anything else as OTHER
                if (upload.kind() != DocumentKind.OTHER && !application.openRequest().documentKinds().contains(upload.kind())) {
                    throw Refusal.invalid("kind", upload.kind() + " was not asked for; attach it as OTHER");
                }
            } else {
                if (!upload.kind().atCompletion() && upload.kind() != DocumentKind.OTHER) {
                    throw Refusal.invalid("kind", upload.kind() + " is attached to the draft, before submission");
                }
                application.require(ApplicationStatus.APPROVED, "attach a document to");
            }
            if (upload.kind().perProvider() && application.providers().stream()
                    .noneMatch(p -> p.value().equals(upload.providerCode()))) {
                throw Refusal.invalid("providerCode", "must be one of the application's providers");
            }
            Instant now = clock.instant();
            DocumentStore.Stored stored = documents.attach(command.applicationId(), application.applicantId(), upload, now);
            application.record(attached(stored, command.applicationId(), upload.fileName(), application.status(), now));
            return stored;
        });
    }

    /** The event of a stored document; {@code fileName} in the clear (the store seals it in the event). */
    public static DocumentAttached attached(DocumentStore.Stored d, java.util.UUID applicationId, String fileName,
                                            ApplicationStatus status, Instant at) {
        return new DocumentAttached(applicationId, d.id(), d.kind(), d.providerCode(), fileName, d.mediaType(),
                d.sizeBytes(), d.sha256(), d.uploadedBy(), status, at);
    }
}
