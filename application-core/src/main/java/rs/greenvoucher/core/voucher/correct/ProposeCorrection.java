package rs.greenvoucher.core.voucher.correct;

import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.List;
import java.util.UUID;

/**
 * An ADMIN proposes to correct the screening or committee decision (docs/adr/0012); what it does follows from the
 * status: a rejection at that stage is reinstated, a positive outcome is turned into a rejection for
 * {@code ruleCodes}. A second ADMIN confirms or declines it.
 */
public record ProposeCorrection(UUID applicationId, UUID correctionId, Stage stage, List<RuleCode> ruleCodes, String reason,
                                String proposedBy) implements VoucherCommand {
}
