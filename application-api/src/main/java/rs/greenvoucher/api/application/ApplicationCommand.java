package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.util.List;
import java.util.UUID;

/** Every intent on a voucher application. Decisions carry the evaluator's decision id, which makes them idempotent. */
public sealed interface ApplicationCommand {

    UUID applicationId();

    /** {@code applicantEmail} is the account's verified address. */
    record SubmitApplication(UUID applicationId, String applicantId, ApplicationForm form, String applicantLanguage,
                             String applicantEmail) implements ApplicationCommand {
    }

    record ScreenApplication(UUID applicationId, UUID decisionId, boolean passed, List<RuleCheck> checks,
                             String noteToApplicant, String decidedBy) implements ApplicationCommand {
    }

    record MatchProviders(UUID applicationId, UUID decisionId, List<ProviderCode> providerCodes, String note,
                          String decidedBy) implements ApplicationCommand {
    }

    /** A rejection outside screening and the committee (for example at provider matching). */
    record RejectApplication(UUID applicationId, UUID decisionId, Stage stage, List<RuleCode> ruleCodes, String reason,
                             String decidedBy) implements ApplicationCommand {
    }

    record DecideOnApplication(UUID applicationId, UUID decisionId, boolean approve, Money amount, Scores scores,
                               List<RuleCode> ruleCodes, String reason, String decidedBy) implements ApplicationCommand {
    }

    record WithdrawApplication(UUID applicationId, String applicantId, String reason) implements ApplicationCommand {
    }

    record ReportCompletion(UUID applicationId, String applicantId, CompletionReport report) implements ApplicationCommand {
    }

    record VerifyCompletion(UUID applicationId, UUID decisionId, boolean accepted, String note, String decidedBy)
            implements ApplicationCommand {
    }

    /**
     * An ADMIN proposes to correct the screening or committee decision (docs/adr/0012); what it does follows from the
     * status: a rejection at that stage is reinstated, a positive outcome is turned into a rejection for
     * {@code ruleCodes}. A second ADMIN confirms or declines it.
     */
    record ProposeCorrection(UUID applicationId, UUID correctionId, Stage stage, List<RuleCode> ruleCodes, String reason,
                             String proposedBy) implements ApplicationCommand {
    }

    record ConfirmCorrection(UUID applicationId, UUID correctionId, String confirmedBy) implements ApplicationCommand {
    }

    record DeclineCorrection(UUID applicationId, UUID correctionId, String declinedBy) implements ApplicationCommand {
    }

    /** An ADMIN erases the personal data of a closed application on its applicant's request (docs/adr/0011). */
    record ErasePersonalData(UUID applicationId, String reason, String erasedBy) implements ApplicationCommand {
    }

    /** Sent by the voucher's deadline; does nothing unless the voucher is still APPROVED or COMPLETION_REPORTED. */
    record ExpireVoucher(UUID applicationId) implements ApplicationCommand {
    }
}
