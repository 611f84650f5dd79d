package rs.greenvoucher.core.voucher.invoice;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** The applicant confirms that the service an invoice is for was delivered. */
public record ConfirmDelivery(UUID applicationId, UUID invoiceId, String applicantId) implements VoucherCommand {
}
