package rs.greenvoucher.core.voucher.correct;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** A second ADMIN confirms the correction that waits. */
public record ConfirmCorrection(UUID applicationId, UUID correctionId, String confirmedBy) implements VoucherCommand {
}
