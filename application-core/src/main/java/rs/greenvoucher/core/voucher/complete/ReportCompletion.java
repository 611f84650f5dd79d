package rs.greenvoucher.core.voucher.complete;

import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** The applicant reports the approved voucher's services done, with the results and the invoiced amount. */
public record ReportCompletion(UUID applicationId, String applicantId, CompletionReport report) implements VoucherCommand {
}
