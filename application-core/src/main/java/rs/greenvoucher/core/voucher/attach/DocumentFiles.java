package rs.greenvoucher.core.voucher.attach;

import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.documents.Upload;

import java.time.Instant;
import java.util.UUID;

/** The port to the documents' store (DocumentStore adapts it), in the command's transaction. */
public interface DocumentFiles {

    /** Seals and stores the applicant's file for the application; refused over the application's caps. */
    DocumentStore.Stored attach(UUID applicationId, String applicantId, Upload upload, Instant at);
}
