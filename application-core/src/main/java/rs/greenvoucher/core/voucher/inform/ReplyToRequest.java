package rs.greenvoucher.core.voucher.inform;

import rs.greenvoucher.api.application.InformationReply;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** The applicant answers the open request for more information. */
public record ReplyToRequest(UUID applicationId, String applicantId, InformationReply reply) implements VoucherCommand {
}
