package rs.greenvoucher.core.audit;

import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.http.Audit;
import rs.greenvoucher.core.reporting.ReportCsv;

import java.util.stream.Collectors;

/** The audit trail as one CSV table: one row per event, UTF-8 with a byte-order mark (as the report). */
final class AuditCsv {

    private AuditCsv() {
    }

    static String write(Audit audit) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(
                "sequence,event,at,by,by_name,why,rule_codes,failed_auto_checks,call,max_voucher_eur,max_share_percent,"
                        + "provider_list_version,providers\r\n");
        for (Audit.Entry e : audit.entries()) {
            String failedChecks = e.autoChecks().stream().filter(c -> !c.passed()).map(AutoChecks.AutoCheck::rule)
                    .map(Enum::name).collect(Collectors.joining(" "));
            String providers = e.providerList().providers().stream()
                    .map(p -> p.code() + (p.active() ? "" : p.onTheList() ? " (inactive)" : " (not on the list)"))
                    .collect(Collectors.joining("; "));
            csv.append(e.sequence()).append(',').append(ReportCsv.cell(e.event())).append(',').append(e.at()).append(',')
                    .append(ReportCsv.cell(e.by())).append(',').append(ReportCsv.cell(e.byName())).append(',')
                    .append(ReportCsv.cell(e.why())).append(',')
                    .append(ReportCsv.cell(String.join(" ", e.ruleCodes()))).append(',').append(ReportCsv.cell(failedChecks)).append(',')
                    .append(ReportCsv.cell(e.call() == null ? null : e.call().name())).append(',')
                    .append(e.call() == null ? "" : e.call().maxVoucherEur().toPlainString()).append(',')
                    .append(e.call() == null ? "" : e.call().maxSharePercent().toPlainString()).append(',')
                    .append(e.providerList().version()).append(',').append(ReportCsv.cell(providers)).append("\r\n");
        }
        return csv.toString();
    }
}
