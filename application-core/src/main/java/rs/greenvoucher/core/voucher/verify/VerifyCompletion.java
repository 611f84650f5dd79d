package rs.greenvoucher.core.voucher.verify;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** An evaluator accepts the completion report (the voucher is paid) or returns it to the applicant. */
public record VerifyCompletion(UUID applicationId, UUID decisionId, boolean accepted, String note, String decidedBy)
        implements VoucherCommand.Decision {
}
