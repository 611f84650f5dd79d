package rs.greenvoucher.core.voucher.screen;

import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.List;
import java.util.UUID;

/** An evaluator's screening: passed, or failed on the rules whose checks failed. */
public record ScreenApplication(UUID applicationId, UUID decisionId, boolean passed, List<RuleCheck> checks,
                                String noteToApplicant, String decidedBy) implements VoucherCommand.Decision {
}
