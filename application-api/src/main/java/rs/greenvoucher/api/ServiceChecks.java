package rs.greenvoucher.api;

import rs.greenvoucher.api.AutoChecks.AutoCheck;
import rs.greenvoucher.api.AutoChecks.Explanation;
import rs.greenvoucher.api.application.ApplicationForm.Service;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.value.RuleCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
/** The service rules the application's own data decides: S1 (types), S2 (excluded services), S3 (indicators), S4 (money). */
final class ServiceChecks {

    private static final Pattern NOT_ELIGIBLE = Pattern.compile(
            "\\b(marketing|sales|import|export|legal advice|accounting|tax advice|business plan|strategy|cost analysis|"
                    + "consultancy|iso\\s*(9000|9001|14001)|hr advice|ict advice)\\b", Pattern.CASE_INSENSITIVE);

    private ServiceChecks() {
    }

    static List<AutoCheck> of(ApplicationForm.Project p, List<MoneyLimits.Breach> money) {
        List<AutoCheck> checks = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Service s : p.services()) {
            if (s.type() == ServiceType.OTHER) {
                others.add(s.description());
            }
        }
        checks.add(new AutoCheck(RuleCode.S1, others.isEmpty(), others.isEmpty()
                ? "Every service is an eligible R&D service type."
                : "OTHER service(s) need the committee's acceptance: " + String.join("; ", others),
                others.isEmpty() ? Explanation.of("S1.eligible") : Explanation.of("S1.other", String.join("; ", others))));

        List<String> flagged = new ArrayList<>();
        for (Service s : p.services()) {
            Matcher m = NOT_ELIGIBLE.matcher(s.description());
            while (m.find()) {
                flagged.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        String words = String.join(", ", flagged.stream().distinct().toList());
        checks.add(new AutoCheck(RuleCode.S2, flagged.isEmpty(), flagged.isEmpty()
                ? "No excluded service (sales, marketing, advice, ISO 9000/14001 ...) found in the descriptions."
                : "Descriptions mention excluded services: " + words + ".",
                flagged.isEmpty() ? Explanation.of("S2.none") : Explanation.of("S2.flagged", words)));

        long quantified = p.environmentalIndicators().stream()
                .filter(t -> t.baseline() != null && t.target() != null && t.baseline().compareTo(t.target()) != 0).count();
        checks.add(new AutoCheck(RuleCode.S3, quantified > 0, quantified + " quantified environmental indicator(s).",
                Explanation.of("S3", quantified)));

        List<String> broken = new ArrayList<>();
        List<Explanation> why = new ArrayList<>();
        for (MoneyLimits.Breach breach : money) {
            if (breach instanceof MoneyLimits.Breach.ServiceUnderMinimum under) {
                String service = p.services().get(under.service()).description();
                broken.add("service '" + service + "' costs EUR " + under.cost() + ", under EUR " + under.minimum());
                why.add(Explanation.of("S4.underMinimum", service, under.cost(), under.minimum()));
            } else if (breach instanceof MoneyLimits.Breach.OverMaximum max) {
                broken.add("voucher over EUR " + max.maximum());
                why.add(Explanation.of("S4.overMaximum", max.maximum()));
            } else if (breach instanceof MoneyLimits.Breach.OverShare share) {
                broken.add("voucher over " + MoneyLimits.percent(share.sharePercent()) + " % of the cost (EUR " + share.capByShare() + ")");
                why.add(Explanation.of("S4.overShare", MoneyLimits.percent(share.sharePercent()), share.capByShare()));
            } else if (breach instanceof MoneyLimits.Breach.EquipmentOverShare equipment) {
                broken.add("capital equipment over " + MoneyLimits.percent(equipment.sharePercent()) + " % of the project");
                why.add(Explanation.of("S4.equipmentOverShare", MoneyLimits.percent(equipment.sharePercent())));
            }
        }
        checks.add(broken.isEmpty()
                ? new AutoCheck(RuleCode.S4, true, "Voucher EUR " + p.requestedVoucherEur() + " within the call's limits.",
                        Explanation.of("S4.within", p.requestedVoucherEur()))
                : new AutoCheck(RuleCode.S4, false, String.join("; ", broken) + ".", List.copyOf(why)));
        return checks;
    }
}
