package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.value.Stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application's audit trail: every event in order with who, when, why and the rules, and the inputs each step
 * was taken on as they were then. {@code pendingCorrection} is null when none waits.
 */
public record Audit(UUID applicationId, String trackingCode, List<Entry> entries,
                    @Schema(types = {"object", "null"}) PendingCorrection pendingCorrection) {

    /** One event of the application and what it was decided on. */
    public record Entry(long sequence, String event, Instant at,
                        @Schema(description = "the account that caused it (the applicant or the evaluator), or SYSTEM") String by,
                        @Schema(types = {"string", "null"}, description = "that account's name, if it has one here") String byName,
                        @Schema(types = {"string", "null"}, description = "the reason or note given") String why,
                        @Schema(description = "the rules the step names (failed screening rules, rejection rules)") List<String> ruleCodes,
                        @Schema(description = "the screening checklist as the evaluator submitted it") List<RuleCheck> checks,
                        @Schema(description = "on the submission and the screening: the auto-checks the evaluators' queue showed")
                        List<AutoChecks.AutoCheck> autoChecks,
                        @Schema(description = "the call's parameters in force at that moment") CallInForce call,
                        @Schema(description = "the provider list at that moment") ProviderList providerList,
                        @Schema(description = "the event's own fields, as stored") Map<String, Object> data) {
    }

    public record CallInForce(UUID id, String name, BigDecimal budgetEur, BigDecimal maxVoucherEur, BigDecimal maxSharePercent,
                              BigDecimal minServiceCostEur, BigDecimal maxEquipmentSharePercent, Integer completionMonths) {
    }

    /** The registry's version (how many changes it had had) and the application's providers as they stood on it. */
    public record ProviderList(long version, List<ProviderState> providers) {
    }

    public record ProviderState(String code, @Schema(types = {"string", "null"}) String name, boolean onTheList, boolean active) {
    }

    /** A correction proposed and not yet confirmed or declined (docs/adr/0012). */
    public record PendingCorrection(UUID correctionId, Stage stage, String kind, List<String> ruleCodes, String reason,
                                    String proposedBy, @Schema(types = {"string", "null"}) String proposedByName, Instant proposedAt) {
    }
}
