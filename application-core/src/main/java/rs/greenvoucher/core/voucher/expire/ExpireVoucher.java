package rs.greenvoucher.core.voucher.expire;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** Sent by the voucher's deadline; does nothing unless the voucher is still APPROVED or COMPLETION_REPORTED. */
public record ExpireVoucher(UUID applicationId) implements VoucherCommand {
}
