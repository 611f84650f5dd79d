package rs.greenvoucher.core.voucher.inform;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** Sent by the request's deadline the day after its date; does nothing unless that request still waits. */
public record ExpireRequest(UUID applicationId, UUID requestId) implements VoucherCommand {
}
