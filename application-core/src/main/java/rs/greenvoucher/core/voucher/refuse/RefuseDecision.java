package rs.greenvoucher.core.voucher.refuse;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** Records that an evaluator's decision could not be applied, and why (core-internal command). */
public record RefuseDecision(UUID applicationId, UUID decisionId, String code, String reason) implements VoucherCommand.Decision {
}
