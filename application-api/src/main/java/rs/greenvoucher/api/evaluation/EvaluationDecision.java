package rs.greenvoucher.api.evaluation;

import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the evaluation service publishes on {@code gv.evaluation.decisions} (key = application id) for core to
 * apply. {@code decisionId} is unique; core applies a decision at most once. Fields not used by a stage are null.
 */
public record EvaluationDecision(
        UUID decisionId,
        UUID applicationId,
        Stage stage,
        String outcome,               // PASS|FAIL (screening), MATCH|REJECT (matching), APPROVE|REJECT (committee), ACCEPT|RETURN (completion)
        List<RuleCheck> checks,
        List<ProviderCode> providerCodes,
        Money voucherAmountEur,
        Scores scores,
        List<RuleCode> ruleCodes,
        String note,
        String decidedBy,
        Instant decidedAt,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;
}
