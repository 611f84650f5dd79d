package rs.greenvoucher.api.http;

import java.math.BigDecimal;
import java.util.UUID;

/** A completed voucher's provider with confirmed invoices no payment order pays yet: what waits for a proposal. */
public record PaymentDue(UUID applicationId, String trackingCode, String providerCode, String providerName,
                         BigDecimal confirmedEur) {
}
