package rs.greenvoucher.web.dashboard;

import rs.greenvoucher.api.http.StageCount;
import rs.greenvoucher.api.http.ThroughputReport;
import rs.greenvoucher.web.portal.FormPaths;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's blocks as rows: what the page shows in its tables and what each block's CSV holds, the same. */
final class DashboardBlocks {

    static final List<String> BLOCKS = List.of("tiles", "funnel", "rejections", "stage-times", "open-items", "money",
            "commitments", "environment", "regions", "nace", "providers");

    private static final List<String> FUNNEL = List.of("submitted", "screened", "matched", "approved", "completed");

    private DashboardBlocks() {
    }

    record Tile(String key, Object value, boolean money) {
    }

    record FunnelStep(String step, long applications, Long lost, BigDecimal lostPercent) {
    }

    record Commitment(LocalDate week, long submissions, long approvals, BigDecimal approvedEur, BigDecimal committedSoFar,
                      BigDecimal budgetEur) {
    }

    static List<Tile> tiles(ThroughputReport report) {
        ThroughputReport.Funnel funnel = report.funnel();
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal remaining = BigDecimal.ZERO;
        for (ThroughputReport.CallMoney money : report.money()) {
            budget = budget.add(zeroIfNull(money.budgetEur()));
            committed = committed.add(zeroIfNull(money.committedEur()));
            paid = paid.add(zeroIfNull(money.paidEur()));
            remaining = remaining.add(zeroIfNull(money.remainingEur()));
        }
        return List.of(new Tile("applications", funnel.submitted(), false), new Tile("approved", funnel.approved(), false),
                new Tile("completed", funnel.completed(), false), new Tile("budget", budget, true),
                new Tile("committed", committed, true), new Tile("paid", paid, true), new Tile("remaining", remaining, true));
    }

    /** Each step of the funnel with how many it lost from the step before. */
    static List<FunnelStep> funnel(ThroughputReport report) {
        ThroughputReport.Funnel funnel = report.funnel();
        long[] counts = {funnel.submitted(), funnel.screened(), funnel.matched(), funnel.approved(), funnel.completed()};
        List<FunnelStep> rows = new ArrayList<>();
        long previous = -1;
        for (int i = 0; i < FUNNEL.size(); i++) {
            long n = counts[i];
            Long lost = previous < 0 ? null : previous - n;
            BigDecimal lostPercent = previous <= 0 ? null
                    : BigDecimal.valueOf(previous - n).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(previous), 1,
                    java.math.RoundingMode.HALF_UP);
            rows.add(new FunnelStep(FUNNEL.get(i), n, lost, lostPercent));
            previous = n;
        }
        return rows;
    }

    /** Money committed week by week, and in total so far, against the budget of the calls in the filter. */
    static List<Commitment> commitments(ThroughputReport report) {
        BigDecimal budget = report.money().stream().map(m -> zeroIfNull(m.budgetEur())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = BigDecimal.ZERO;
        List<Commitment> rows = new ArrayList<>();
        for (ThroughputReport.Week week : report.weeks()) {
            BigDecimal approved = zeroIfNull(week.approvedEur());
            total = total.add(approved);
            rows.add(new Commitment(week.weekStarting(), week.submissions(), week.approvals(), approved, total, budget));
        }
        return rows;
    }

    static String csv(String block, ThroughputReport report, List<StageCount> openItems) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        switch (block) {
            case "tiles" -> table(csv, List.of("key", "value"), tiles(report));
            case "funnel" -> table(csv, List.of("step", "applications", "lost", "lostPercent"), funnel(report));
            case "rejections" -> table(csv, List.of("stage", "rule", "applications"), report.rejections());
            case "stage-times" -> table(csv, List.of("stage", "applications", "medianHours", "p90Hours"), report.stageTimes());
            case "open-items" -> table(csv, List.of("stage", "open", "unclaimed", "upToOneDay", "upToThreeDays", "upToSevenDays",
                    "upToFourteenDays", "older"), openItems);
            case "money" -> table(csv, List.of("callId", "name", "budgetEur", "committedEur", "paidEur", "remainingEur",
                            "committedInFilterEur", "paidInFilterEur"),
                    report.money());
            case "commitments" -> table(csv, List.of("week", "submissions", "approvals", "approvedEur", "committedSoFar", "budgetEur"),
                    commitments(report));
            case "environment" -> table(csv, List.of("indicator", "unit", "applications", "baselineSum", "targetSum", "resultSum"),
                    report.environment());
            case "regions" -> table(csv, List.of("key", "name", "submitted", "approved", "approvedEur"), report.byRegion());
            case "nace" -> table(csv, List.of("key", "name", "submitted", "approved", "approvedEur"), report.byNaceSection());
            case "providers" -> table(csv, List.of("key", "name", "submitted", "approved", "approvedEur"), report.byProvider());
            default -> throw new IllegalArgumentException(block);
        }
        return csv.toString();
    }

    /** Rows are records; a column is a component's name. */
    private static void table(StringBuilder csv, List<String> columns, List<? extends Record> rows) {
        csv.append(String.join(",", columns)).append("\r\n");
        for (Record row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object value = FormPaths.get(row, column);
                cells.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : cell(value.toString()));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Quoted when it must be; a text starting with =, +, -, @ gets an apostrophe, so a spreadsheet never runs it. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
