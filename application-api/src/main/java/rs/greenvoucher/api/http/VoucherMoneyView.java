package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.value.ApplicationStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A voucher's money after approval, as the enterprise, the evaluators and the managers see it: each service's agreed
 * cost beside what was invoiced for it, the invoices, the payment orders, and what each provider could be paid now.
 */
public record VoucherMoneyView(UUID applicationId, String trackingCode, ApplicationStatus status,
                               @Schema(types = {"number", "null"}) BigDecimal approvedEur, BigDecimal sharePercent,
                               List<ServiceLine> services, List<InvoiceView> invoices, List<PaymentOrderView> payments,
                               @Schema(description = "per provider: the confirmed invoices no order pays yet")
                               List<Payable> payable) {

    public record ServiceLine(int index, String type, BigDecimal costEur,
                              @Schema(types = {"string", "null"}) String invoicedBy, BigDecimal invoicedEur) {
    }

    public record Payable(String providerCode, String providerName, BigDecimal confirmedEur) {
    }
}
