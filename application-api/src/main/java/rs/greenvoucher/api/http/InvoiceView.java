package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A provider's invoice for one service of a voucher, and where it stands: SUBMITTED (waiting for the enterprise to
 * confirm the delivery), DELIVERED (payable), PAYMENT_PROPOSED, PAYMENT_APPROVED, PAID.
 */
public record InvoiceView(UUID id, UUID applicationId, String providerCode, String providerName,
                          @Schema(description = "the service invoiced: its index in the project's services") int serviceIndex,
                          String serviceType, BigDecimal serviceCostEur, String number, LocalDate issuedOn,
                          BigDecimal amountEur, UUID documentId, String sha256, Instant submittedAt,
                          @Schema(types = {"string", "null"}, format = "date-time") Instant deliveredAt,
                          @Schema(types = {"string", "null"}, format = "uuid") UUID paymentId,
                          @Schema(allowableValues = {"SUBMITTED", "DELIVERED", "PAYMENT_PROPOSED", "PAYMENT_APPROVED", "PAID"})
                          String state) {
}
