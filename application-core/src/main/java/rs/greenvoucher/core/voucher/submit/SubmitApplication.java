package rs.greenvoucher.core.voucher.submit;

import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/** An applicant submits their application; {@code applicantEmail} is the account's verified address. */
public record SubmitApplication(UUID applicationId, String applicantId, ApplicationForm form, String applicantLanguage,
                                String applicantEmail) implements VoucherCommand {
}
