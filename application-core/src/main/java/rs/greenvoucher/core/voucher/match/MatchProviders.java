package rs.greenvoucher.core.voucher.match;

import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.List;
import java.util.UUID;

/** An evaluator matches one to three active providers to a screened application. */
public record MatchProviders(UUID applicationId, UUID decisionId, List<ProviderCode> providerCodes, String note,
                             String decidedBy) implements VoucherCommand.Decision {
}
