package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The managers' report (api-contract.md, Reporting). Exact figures from the reporting read model. */
public record ThroughputReport(
        Filter filter,
        Map<String, Long> countsByStatus,
        Funnel funnel,
        List<StageTime> stageTimes,
        List<Week> weeks,
        List<Breakdown> byRegion,
        List<Breakdown> byNaceSection,
        List<Breakdown> byProvider,
        List<CallMoney> money,
        List<IndicatorSum> environment,
        List<Rejection> rejections,
        @Schema(description = "per call and provider: what was invoiced, approved for payment and paid (docs/adr/0032)")
        List<ProviderMoney> providerMoney) {

    /** What was asked for; null where the report is not filtered. */
    public record Filter(@Schema(types = {"string", "null"}, format = "date") LocalDate from,
                         @Schema(types = {"string", "null"}, format = "date") LocalDate to,
                         @Schema(types = {"string", "null"}, format = "uuid") UUID callId) {
    }

    public record Funnel(long submitted, long screened, long matched, long approved, long completed) {
    }

    /** Hours spent in a stage by the applications that left it for the next one. */
    public record StageTime(String stage, long applications,
                            @Schema(types = {"number", "null"}, description = "null while no application has left the stage") BigDecimal medianHours,
                            @Schema(types = {"number", "null"}) BigDecimal p90Hours) {
    }

    /** Weeks start on Monday; approvedEur is the money the week's approvals committed. */
    public record Week(LocalDate weekStarting, long submissions, long approvals, BigDecimal approvedEur) {
    }

    public record Breakdown(String key, String name, long submitted, long approved, BigDecimal approvedEur) {
    }

    /**
     * A call's money: budget, committed, paid and remaining are the call's own, never narrowed by the dates filter;
     * {@code committedInFilterEur} and {@code paidInFilterEur} are the part of the applications in the filter.
     * {@code paidEur} is what the bank paid the providers (PaymentMade); {@code dueEur} what the verified completions
     * made payable (the vouchers' amounts); {@code invoicedEur} the providers' invoices; {@code approvedForPaymentEur}
     * the approved payment orders, paid or not, less the declined ones.
     */
    public record CallMoney(UUID callId, String name, BigDecimal budgetEur, BigDecimal committedEur, BigDecimal paidEur,
                            BigDecimal remainingEur, BigDecimal committedInFilterEur, BigDecimal paidInFilterEur,
                            BigDecimal dueEur, BigDecimal invoicedEur, BigDecimal approvedForPaymentEur) {
    }

    /**
     * A provider's money in a call: the vouchers naming it (a voucher of two providers counts in full for each), its
     * invoices, its approved payment orders and what it was paid.
     */
    public record ProviderMoney(UUID callId, String providerCode, String providerName, BigDecimal committedEur,
                                BigDecimal invoicedEur, BigDecimal approvedForPaymentEur, BigDecimal paidEur) {
    }

    /**
     * Rejected applications by the stage that rejected them and a rule they broke; one rejected for two rules counts
     * under both, one rejected for none under rule "none".
     */
    public record Rejection(String stage, String rule, long applications) {
    }

    public record IndicatorSum(String indicator, String unit, long applications, BigDecimal baselineSum,
                               BigDecimal targetSum, BigDecimal resultSum) {
    }
}
