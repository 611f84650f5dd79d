package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment order to one provider of a voucher: the confirmed invoices it pays, the call's share, the amount, and who
 * proposed, approved, paid or declined it (usernames; a provider's own view leaves them out).
 */
public record PaymentOrderView(UUID id, UUID applicationId, String trackingCode, String providerCode, String providerName,
                               BigDecimal invoicedEur, BigDecimal sharePercent, BigDecimal amountEur,
                               @Schema(allowableValues = {"PROPOSED", "APPROVED", "PAID", "DECLINED"}) String status,
                               @Schema(types = {"string", "null"}) String proposedBy, Instant proposedAt,
                               @Schema(types = {"string", "null"}) String approvedBy,
                               @Schema(types = {"string", "null"}, format = "date-time") Instant approvedAt,
                               @Schema(types = {"string", "null"}) String bankReference,
                               @Schema(types = {"string", "null"}, format = "date-time") Instant paidAt,
                               @Schema(types = {"string", "null"}) String declinedBy,
                               @Schema(types = {"string", "null"}, format = "date-time") Instant declinedAt,
                               @Schema(types = {"string", "null"}) String declineReason) {

    /** As the provider it pays sees it: without the staff's names. */
    public PaymentOrderView forProvider() {
        return new PaymentOrderView(id, applicationId, trackingCode, providerCode, providerName, invoicedEur, sharePercent,
                amountEur, status, null, proposedAt, null, approvedAt, bankReference, paidAt, null, declinedAt, declineReason);
    }
}
