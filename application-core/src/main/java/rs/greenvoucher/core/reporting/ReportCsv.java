package rs.greenvoucher.core.reporting;

import rs.greenvoucher.api.http.ThroughputReport;

import java.math.BigDecimal;

/**
 * The report as one CSV table that opens cleanly in a spreadsheet: a header row, one figure per row
 * (section, key, name, metric, value), UTF-8 with a byte-order mark so that Excel keeps č, ć, ž, š, đ intact.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    static String write(ThroughputReport r) {
        StringBuilder csv = new StringBuilder("\uFEFF").append("section,key,name,metric,value\r\n");
        r.countsByStatus().forEach((status, n) -> row(csv, "status", status, "", "applications", n));
        row(csv, "funnel", "submitted", "", "applications", r.funnel().submitted());
        row(csv, "funnel", "screened", "", "applications", r.funnel().screened());
        row(csv, "funnel", "matched", "", "applications", r.funnel().matched());
        row(csv, "funnel", "approved", "", "applications", r.funnel().approved());
        row(csv, "funnel", "completed", "", "applications", r.funnel().completed());
        for (var s : r.stageTimes()) {
            row(csv, "stage_time", s.stage(), "", "applications", s.applications());
            row(csv, "stage_time", s.stage(), "", "median_hours", s.medianHours());
            row(csv, "stage_time", s.stage(), "", "p90_hours", s.p90Hours());
        }
        for (var w : r.weeks()) {
            row(csv, "week", w.weekStarting().toString(), "", "submissions", w.submissions());
            row(csv, "week", w.weekStarting().toString(), "", "approvals", w.approvals());
            row(csv, "week", w.weekStarting().toString(), "", "approved_eur", w.approvedEur());
        }
        breakdowns(csv, "region", r.byRegion());
        breakdowns(csv, "nace_section", r.byNaceSection());
        breakdowns(csv, "provider", r.byProvider());
        for (var m : r.money()) {
            row(csv, "call_money", m.callId().toString(), m.name(), "budget_eur", m.budgetEur());
            row(csv, "call_money", m.callId().toString(), m.name(), "committed_eur", m.committedEur());
            row(csv, "call_money", m.callId().toString(), m.name(), "paid_eur", m.paidEur());
            row(csv, "call_money", m.callId().toString(), m.name(), "remaining_eur", m.remainingEur());
            row(csv, "call_money", m.callId().toString(), m.name(), "committed_in_filter_eur", m.committedInFilterEur());
            row(csv, "call_money", m.callId().toString(), m.name(), "paid_in_filter_eur", m.paidInFilterEur());
            row(csv, "call_money", m.callId().toString(), m.name(), "due_eur", m.dueEur());
            row(csv, "call_money", m.callId().toString(), m.name(), "invoiced_eur", m.invoicedEur());
            row(csv, "call_money", m.callId().toString(), m.name(), "approved_for_payment_eur", m.approvedForPaymentEur());
        }
        for (var p : r.providerMoney()) {
            String call = p.callId().toString();
            row(csv, "provider_money", p.providerCode(), call, "committed_eur", p.committedEur());
            row(csv, "provider_money", p.providerCode(), call, "invoiced_eur", p.invoicedEur());
            row(csv, "provider_money", p.providerCode(), call, "approved_for_payment_eur", p.approvedForPaymentEur());
            row(csv, "provider_money", p.providerCode(), call, "paid_eur", p.paidEur());
        }
        for (var i : r.environment()) {
            String key = i.indicator() + " (" + i.unit() + ")";
            row(csv, "environment", key, "", "applications", i.applications());
            row(csv, "environment", key, "", "baseline_sum", i.baselineSum());
            row(csv, "environment", key, "", "target_sum", i.targetSum());
            row(csv, "environment", key, "", "result_sum", i.resultSum());
        }
        for (var x : r.rejections()) {
            row(csv, "rejection", x.stage(), x.rule(), "applications", x.applications());
        }
        return csv.toString();
    }

    private static void breakdowns(StringBuilder csv, String section, java.util.List<ThroughputReport.Breakdown> rows) {
        for (var b : rows) {
            row(csv, section, b.key(), b.name(), "submitted", b.submitted());
            row(csv, section, b.key(), b.name(), "approved", b.approved());
            row(csv, section, b.key(), b.name(), "approved_eur", b.approvedEur());
        }
    }

    private static void row(StringBuilder csv, String section, String key, String name, String metric, Object value) {
        csv.append(cell(section)).append(',').append(cell(key)).append(',').append(cell(name)).append(',')
                .append(cell(metric)).append(',')
                .append(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString()).append("\r\n");
    }

    /**
     * Quotes a cell when it must be, and defuses formulas (a text cell starting with =, +, -, @, tab or CR gets a
     * leading apostrophe) so a spreadsheet never runs a name as code.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
