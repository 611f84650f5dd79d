package rs.greenvoucher.core.voucher.pay;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** A MANAGER records that the bank paid an approved order, with the bank's reference. */
public record MarkPaid(UUID applicationId, UUID paymentId, String bankReference, String markedBy) implements VoucherCommand {
}
