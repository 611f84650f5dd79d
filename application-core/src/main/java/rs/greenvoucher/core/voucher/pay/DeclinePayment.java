package rs.greenvoucher.core.voucher.pay;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** A MANAGER declines a payment order that is not paid yet, saying why; its invoices can be proposed again. */
public record DeclinePayment(UUID applicationId, UUID paymentId, String reason, String declinedBy) implements VoucherCommand {
}
