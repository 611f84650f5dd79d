package rs.greenvoucher.core.voucher.correct;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** A second ADMIN declines the correction that waits: nothing changes. */
public record DeclineCorrection(UUID applicationId, UUID correctionId, String declinedBy) implements VoucherCommand {
}
