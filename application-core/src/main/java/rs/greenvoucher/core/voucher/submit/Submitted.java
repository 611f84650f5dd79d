package rs.greenvoucher.core.voucher.submit;

import java.util.UUID;

/** The answer to a submission. */
public record Submitted(UUID id, String trackingCode) {
}
