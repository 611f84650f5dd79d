package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.value.ApplicationStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A voucher as a provider named on it sees it: what its services need (the enterprise, the project's title and its
 * services), where it stands, and the voucher once approved; nothing of the applicant's person, nor of other providers.
 */
public record ProviderVoucher(UUID applicationId, String trackingCode, String enterpriseName, String projectTitle,
                              ApplicationStatus status, List<ApplicationForm.Service> services,
                              @Schema(types = {"number", "null"}, description = "the approved voucher, once approved") BigDecimal voucherEur,
                              @Schema(types = {"string", "null"}, format = "date") LocalDate validUntil,
                              @Schema(description = "this provider's invoices of the voucher") List<InvoiceView> invoices,
                              @Schema(description = "the payment orders to this provider") List<PaymentOrderView> payments) {
}
