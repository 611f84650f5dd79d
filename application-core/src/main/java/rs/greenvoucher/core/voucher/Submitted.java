package rs.greenvoucher.core.voucher;

import java.util.UUID;

/** The answer to a submission. */
public record Submitted(UUID id, String trackingCode) {
}
