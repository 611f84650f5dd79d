package rs.greenvoucher.web.dashboard;

import rs.greenvoucher.web.portal.ServiceApi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static rs.greenvoucher.web.dashboard.DashboardPages.decimal;
import static rs.greenvoucher.web.dashboard.DashboardPages.row;

/** The dashboard's blocks as rows: what the page shows in its tables and what each block's CSV holds, the same. */
final class DashboardBlocks {

    static final List<String> BLOCKS = List.of("tiles", "funnel", "rejections", "stage-times", "open-items", "money",
            "commitments", "environment", "regions", "nace", "providers");

    private static final List<String> FUNNEL = List.of("submitted", "screened", "matched", "approved", "completed");

    private DashboardBlocks() {
    }

    static List<Map<String, Object>> tiles(Map<String, Object> report) {
        Map<String, Object> funnel = ServiceApi.map(report.get("funnel"));
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal remaining = BigDecimal.ZERO;
        for (Object m : ServiceApi.list(report.get("money"))) {
            Map<String, Object> money = ServiceApi.map(m);
            budget = budget.add(decimal(money.get("budgetEur")));
            committed = committed.add(decimal(money.get("committedEur")));
            paid = paid.add(decimal(money.get("paidEur")));
            remaining = remaining.add(decimal(money.get("remainingEur")));
        }
        return List.of(
                row("key", "applications", "value", funnel.get("submitted"), "money", false),
                row("key", "approved", "value", funnel.get("approved"), "money", false),
                row("key", "completed", "value", funnel.get("completed"), "money", false),
                row("key", "budget", "value", budget, "money", true),
                row("key", "committed", "value", committed, "money", true),
                row("key", "paid", "value", paid, "money", true),
                row("key", "remaining", "value", remaining, "money", true));
    }

    /** Each step of the funnel with how many it lost from the step before. */
    static List<Map<String, Object>> funnel(Map<String, Object> report) {
        Map<String, Object> funnel = ServiceApi.map(report.get("funnel"));
        List<Map<String, Object>> rows = new ArrayList<>();
        long previous = -1;
        for (String step : FUNNEL) {
            long n = ((Number) funnel.getOrDefault(step, 0)).longValue();
            Long lost = previous < 0 ? null : previous - n;
            BigDecimal lostPercent = previous <= 0 ? null
                    : BigDecimal.valueOf(previous - n).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(previous), 1,
                    java.math.RoundingMode.HALF_UP);
            rows.add(row("step", step, "applications", n, "lost", lost, "lostPercent", lostPercent));
            previous = n;
        }
        return rows;
    }

    /** Money committed week by week, and in total so far, against the budget of the calls in the filter. */
    static List<Map<String, Object>> commitments(Map<String, Object> report) {
        BigDecimal budget = BigDecimal.ZERO;
        for (Object m : ServiceApi.list(report.get("money"))) {
            budget = budget.add(decimal(ServiceApi.map(m).get("budgetEur")));
        }
        BigDecimal total = BigDecimal.ZERO;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object w : ServiceApi.list(report.get("weeks"))) {
            Map<String, Object> week = ServiceApi.map(w);
            BigDecimal approved = decimal(week.get("approvedEur"));
            total = total.add(approved);
            rows.add(row("week", week.get("weekStarting"), "submissions", week.get("submissions"), "approvals", week.get("approvals"),
                    "approvedEur", approved, "committedSoFar", total, "budgetEur", budget));
        }
        return rows;
    }

    static String csv(String block, Map<String, Object> report, List<Object> openItems) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        switch (block) {
            case "tiles" -> table(csv, List.of("key", "value"), tiles(report));
            case "funnel" -> table(csv, List.of("step", "applications", "lost", "lostPercent"), funnel(report));
            case "rejections" -> table(csv, List.of("stage", "rule", "applications"), maps(report.get("rejections")));
            case "stage-times" -> table(csv, List.of("stage", "applications", "medianHours", "p90Hours"), maps(report.get("stageTimes")));
            case "open-items" -> table(csv, List.of("stage", "open", "unclaimed", "upToOneDay", "upToThreeDays", "upToSevenDays",
                    "upToFourteenDays", "older"), maps(openItems));
            case "money" -> table(csv, List.of("callId", "name", "budgetEur", "committedEur", "paidEur", "remainingEur",
                            "committedInFilterEur", "paidInFilterEur"),
                    maps(report.get("money")));
            case "commitments" -> table(csv, List.of("week", "submissions", "approvals", "approvedEur", "committedSoFar", "budgetEur"),
                    commitments(report));
            case "environment" -> table(csv, List.of("indicator", "unit", "applications", "baselineSum", "targetSum", "resultSum"),
                    maps(report.get("environment")));
            case "regions" -> table(csv, List.of("key", "name", "submitted", "approved", "approvedEur"), maps(report.get("byRegion")));
            case "nace" -> table(csv, List.of("key", "name", "submitted", "approved", "approvedEur"), maps(report.get("byNaceSection")));
            case "providers" -> table(csv, List.of("key", "name", "submitted", "approved", "approvedEur"), maps(report.get("byProvider")));
            default -> throw new IllegalArgumentException(block);
        }
        return csv.toString();
    }

    private static List<Map<String, Object>> maps(Object list) {
        return ServiceApi.list(list).stream().map(ServiceApi::map).toList();
    }

    private static void table(StringBuilder csv, List<String> columns, List<Map<String, Object>> rows) {
        csv.append(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                cells.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : cell(value.toString()));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
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
