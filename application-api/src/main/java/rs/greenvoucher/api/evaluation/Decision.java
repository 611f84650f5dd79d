package rs.greenvoucher.api.evaluation;

import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

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
