package rs.greenvoucher.core.voucher.inform;

import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An evaluator asks the applicant for more information at a stage; {@code replyBy} null: the call's number of days. */
public record RequestInformation(UUID applicationId, UUID decisionId, Stage stage, String message,
                                 List<DocumentKind> documentKinds, List<RequestedField> fields, LocalDate replyBy,
                                 String decidedBy) implements VoucherCommand.Decision {
}
