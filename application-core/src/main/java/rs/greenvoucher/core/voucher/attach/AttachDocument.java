package rs.greenvoucher.core.voucher.attach;

import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** The applicant attaches a document to their approved voucher: an invoice, evidence of the results, or another. */
public record AttachDocument(UUID applicationId, String applicantId, Upload upload) implements VoucherCommand {
}
