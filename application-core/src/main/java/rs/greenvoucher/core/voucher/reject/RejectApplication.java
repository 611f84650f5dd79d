package rs.greenvoucher.core.voucher.reject;

import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.List;
import java.util.UUID;

/** A rejection outside screening and the committee (for example at provider matching). */
public record RejectApplication(UUID applicationId, UUID decisionId, Stage stage, List<RuleCode> ruleCodes, String reason,
                                String decidedBy) implements VoucherCommand.Decision {
}
