package rs.greenvoucher.api.evaluation;

import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.time.LocalDate;
import java.util.List;

/**
 * What an evaluator decided, one record per stage and outcome: the producer builds one, the consumer dispatches on
 * its type. On the wire it is {@link EvaluationDecision} with its {@code stage} and {@code outcome} words.
 */
public sealed interface Decision {

    Stage stage();

    /** The word the contract's {@code outcome} field carries for this decision. */
    String outcome();

    /** Screening: PASS or FAIL, with the rules checked (a FAIL names at least one failed rule). */
    record Screening(boolean passed, List<RuleCheck> checks, String noteToApplicant) implements Decision {
        public Screening {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        public Stage stage() {
            return Stage.SCREENING;
        }

        public String outcome() {
            return passed ? "PASS" : "FAIL";
        }
    }

    /** Provider matching: MATCH with one to three providers. */
    record Matching(List<ProviderCode> providerCodes, String note) implements Decision {
        public Matching {
            providerCodes = providerCodes == null ? List.of() : List.copyOf(providerCodes);
        }

        public Stage stage() {
            return Stage.PROVIDER_MATCHING;
        }

        public String outcome() {
            return "MATCH";
        }
    }

    /** Provider matching: REJECT (no suitable provider), with the rules it breaks. */
    record MatchingRejection(List<RuleCode> ruleCodes, String note) implements Decision {
        public MatchingRejection {
            ruleCodes = ruleCodes == null ? List.of() : List.copyOf(ruleCodes);
        }

        public Stage stage() {
            return Stage.PROVIDER_MATCHING;
        }

        public String outcome() {
            return "REJECT";
        }
    }

    /** The committee: APPROVE with the voucher's amount, or REJECT with the rules; the three scores either way. */
    record Committee(boolean approved, Money voucherAmountEur, Scores scores, List<RuleCode> ruleCodes, String reason)
            implements Decision {
        public Committee {
            ruleCodes = ruleCodes == null ? List.of() : List.copyOf(ruleCodes);
            voucherAmountEur = approved ? voucherAmountEur : null;
        }

        public Stage stage() {
            return Stage.COMMITTEE;
        }

        public String outcome() {
            return approved ? "APPROVE" : "REJECT";
        }
    }

    /**
     * At screening, matching or completion verification: REQUEST_INFORMATION from the applicant, in words, naming
     * documents and fields, to reply by a date (null: core gives the call's number of days).
     */
    record InformationRequest(Stage stage, String message, List<DocumentKind> documentKinds, List<RequestedField> fields,
                              LocalDate replyBy) implements Decision {
        public static final String OUTCOME = "REQUEST_INFORMATION";

        public InformationRequest {
            documentKinds = documentKinds == null ? List.of() : List.copyOf(documentKinds);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        /** The stages an evaluator may ask at: not the committee, which decides on what it has. */
        public static boolean allowedAt(Stage stage) {
            return stage == Stage.SCREENING || stage == Stage.PROVIDER_MATCHING || stage == Stage.COMPLETION_VERIFICATION;
        }

        public String outcome() {
            return OUTCOME;
        }
    }

    /** Completion verification: ACCEPT (the voucher is completed) or RETURN the report with a note. */
    record Verification(boolean accepted, String note) implements Decision {
        public Stage stage() {
            return Stage.COMPLETION_VERIFICATION;
        }

        public String outcome() {
            return accepted ? "ACCEPT" : "RETURN";
        }
    }
}
