package rs.greenvoucher.core.voucher.submit;

import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.core.voucher.VoucherCommand;

import java.util.UUID;

/**
 * An applicant submits their application; {@code applicantEmail} is the account's verified address. Submitted from a
 * draft ({@code draftId}), the application takes the draft's id, so that the documents sealed with the draft's key
 * are the application's.
 */
public record SubmitApplication(UUID applicationId, String applicantId, ApplicationForm form, String applicantLanguage,
                                String applicantEmail, UUID draftId) implements VoucherCommand {

    public SubmitApplication {
        if (draftId != null && !draftId.equals(applicationId)) {
            throw new IllegalArgumentException("an application submitted from a draft takes the draft's id");
        }
    }

    /** Without a draft: then without documents. */
    public SubmitApplication(UUID applicationId, String applicantId, ApplicationForm form, String applicantLanguage,
                             String applicantEmail) {
        this(applicationId, applicantId, form, applicantLanguage, applicantEmail, null);
    }
}
