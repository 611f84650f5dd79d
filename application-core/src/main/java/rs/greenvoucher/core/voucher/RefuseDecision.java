package rs.greenvoucher.core.voucher;

import java.util.UUID;

/** Records that an evaluator's decision could not be applied, and why (core-internal command). */
public record RefuseDecision(UUID applicationId, UUID decisionId, String code, String reason) {
}
