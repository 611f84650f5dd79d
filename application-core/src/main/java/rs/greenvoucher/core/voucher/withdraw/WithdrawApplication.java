package rs.greenvoucher.core.voucher.withdraw;

import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** The applicant withdraws their application before a voucher is approved. */
public record WithdrawApplication(UUID applicationId, String applicantId, String reason) implements VoucherCommand {
}
