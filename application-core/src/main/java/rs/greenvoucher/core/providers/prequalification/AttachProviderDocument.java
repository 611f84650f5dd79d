package rs.greenvoucher.core.providers.prequalification;

import rs.greenvoucher.core.documents.Upload;

import java.util.UUID;

/** The organisation's account attaches a document to its application while it waits for a decision. */
public record AttachProviderDocument(UUID applicationId, UUID accountId, Upload upload) {
}
