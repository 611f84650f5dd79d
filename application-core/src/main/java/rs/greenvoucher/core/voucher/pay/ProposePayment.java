package rs.greenvoucher.core.voucher.pay;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** A MANAGER proposes paying a provider of a completed voucher its share of the confirmed invoices. */
public record ProposePayment(UUID applicationId, UUID paymentId, String providerCode, String proposedBy) implements VoucherCommand {
}
