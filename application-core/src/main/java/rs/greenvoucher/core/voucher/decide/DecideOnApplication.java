package rs.greenvoucher.core.voucher.decide;

import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.List;
import java.util.UUID;

/** The committee approves a voucher of {@code amount}, or rejects; either way with its three scores. */
public record DecideOnApplication(UUID applicationId, UUID decisionId, boolean approve, Money amount, Scores scores,
                                  List<RuleCode> ruleCodes, String reason, String decidedBy) implements VoucherCommand.Decision {
}
