package rs.greenvoucher.core.voucher.attach;

import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.documents.Upload;

import java.time.Instant;
import java.util.UUID;

/** The port to the documents' store (DocumentStore adapts it), in the command's transaction. */
public interface DocumentFiles {

    /** Seals and stores the applicant's file for the application; refused over the application's caps. */
    default DocumentStore.Stored attach(UUID applicationId, String applicantId, Upload upload, Instant at) {
        return attachBy(applicationId, applicantId, upload, applicantId, at);
    }

    /** The same, for a file someone else gives for the application (a provider's invoice), sealed with its key. */
    DocumentStore.Stored attachBy(UUID applicationId, String applicantId, Upload upload, String uploadedBy, Instant at);
}
