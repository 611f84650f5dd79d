package rs.greenvoucher.api.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The message on {@code gv.evaluation.decisions} (key = application id) for core to apply: the contract's flat
 * shape, fields not used by a stage null. {@code decisionId} is unique; core applies a decision at most once. Build
 * it with {@link #of} from a {@link Decision}, and read it with {@link #decision()}: nobody handles the outcome words.
 * The last three, a request for more information's (D3), are written only on one.
 */
public record EvaluationDecision(
        UUID decisionId,
        UUID applicationId,
        Stage stage,
        String outcome,
        List<RuleCheck> checks,
        List<ProviderCode> providerCodes,
        Money voucherAmountEur,
        Scores scores,
        List<RuleCode> ruleCodes,
        String note,
        String decidedBy,
        Instant decidedAt,
        int schemaVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<DocumentKind> documentKinds,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RequestedField> fields,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate replyBy) {

    public static final int SCHEMA_VERSION = 1;

    public static EvaluationDecision of(UUID decisionId, UUID applicationId, Decision decision, String decidedBy, Instant decidedAt) {
        List<RuleCheck> checks = null;
        List<ProviderCode> providers = null;
        Money amount = null;
        Scores scores = null;
        List<RuleCode> rules = null;
        List<DocumentKind> kinds = null;
        List<RequestedField> fields = null;
        LocalDate replyBy = null;
        String note;
        if (decision instanceof Decision.InformationRequest i) {
            kinds = i.documentKinds();
            fields = i.fields();
            replyBy = i.replyBy();
            note = i.message();
        } else if (decision instanceof Decision.Screening s) {
            checks = s.checks();
            note = s.noteToApplicant();
        } else if (decision instanceof Decision.Matching m) {
            providers = m.providerCodes();
            note = m.note();
        } else if (decision instanceof Decision.MatchingRejection r) {
            rules = r.ruleCodes();
            note = r.note();
        } else if (decision instanceof Decision.Committee c) {
            amount = c.voucherAmountEur();
            scores = c.scores();
            rules = c.ruleCodes();
            note = c.reason();
        } else {
            note = ((Decision.Verification) decision).note();
        }
        return new EvaluationDecision(decisionId, applicationId, decision.stage(), decision.outcome(), checks, providers, amount,
                scores, rules, note, decidedBy, decidedAt, SCHEMA_VERSION, kinds, fields, replyBy);
    }

    /** The decision this message carries; IllegalArgumentException when its stage and outcome make none. */
    public Decision decision() {
        if (stage == null || outcome == null) {
            throw new IllegalArgumentException("a decision needs its stage and outcome");
        }
        String word = outcome.toUpperCase(Locale.ROOT);
        if (word.equals(Decision.InformationRequest.OUTCOME)) {
            if (!Decision.InformationRequest.allowedAt(stage)) {
                throw new IllegalArgumentException("more information is asked for at screening, matching or completion, not at " + stage);
            }
            return new Decision.InformationRequest(stage, note, documentKinds, fields, replyBy);
        }
        return switch (stage) {
            case SCREENING -> new Decision.Screening(either(word, "PASS", "FAIL"), checks, note);
            case PROVIDER_MATCHING -> either(word, "MATCH", "REJECT")
                    ? new Decision.Matching(providerCodes, note) : new Decision.MatchingRejection(ruleCodes, note);
            case COMMITTEE -> new Decision.Committee(either(word, "APPROVE", "REJECT"), voucherAmountEur, scores, ruleCodes, note);
            case COMPLETION_VERIFICATION -> new Decision.Verification(either(word, "ACCEPT", "RETURN"), note);
        };
    }

    private static boolean either(String outcome, String yes, String no) {
        if (!outcome.equals(yes) && !outcome.equals(no)) {
            throw new IllegalArgumentException("outcome must be " + yes + " or " + no + ", not " + outcome);
        }
        return outcome.equals(yes);
    }
}
