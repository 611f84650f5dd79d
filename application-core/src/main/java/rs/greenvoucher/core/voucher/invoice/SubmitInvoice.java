package rs.greenvoucher.core.voucher.invoice;

import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.time.LocalDate;
import java.util.UUID;

/** A provider of an approved voucher, by a PROVIDER account acting for it, invoices one of the project's services. */
public record SubmitInvoice(UUID applicationId, UUID invoiceId, String providerCode, String accountId, int serviceIndex,
                            String number, LocalDate issuedOn, Money amount, Upload file) implements VoucherCommand {
}
