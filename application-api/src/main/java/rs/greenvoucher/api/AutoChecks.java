package rs.greenvoucher.api;

import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.ApplicationForm.Service;
import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules the application's own data decides, pre-computed so the evaluator confirms instead of computing:
 * E1 (ownership), E2, E3, E6, E7 and E8 (declarations), E9, E10, S1, S2, S3, S4. Computed by the evaluation service for
 * its queue and by core for the audit (what the evaluator saw), from the submission and the call's money rules.
 */
public final class AutoChecks {

    public record AutoCheck(RuleCode rule, boolean passed, String detail) {
    }

    private static final Pattern NOT_ELIGIBLE = Pattern.compile(
            "\\b(marketing|sales|import|export|legal advice|accounting|tax advice|business plan|strategy|cost analysis|"
                    + "consultancy|iso\\s*(9000|9001|14001)|hr advice|ict advice)\\b", Pattern.CASE_INSENSITIVE);

    private AutoChecks() {
    }

    public static List<AutoCheck> compute(ApplicationForm form, LocalDate submittedOn, MoneyLimits call) {
        List<AutoCheck> checks = new ArrayList<>();
        ApplicationForm.Enterprise e = form.enterprise();
        ApplicationForm.Project p = form.project();

        Ownership ownership = e.ownership();
        checks.add(new AutoCheck(RuleCode.E1, SchemeRules.privateDomestic(ownership),
                switch (ownership) {
                    case PRIVATE_DOMESTIC -> "Privately owned, domestic; MB " + e.mb() + " and PIB " + e.pib() + " are valid.";
                    case MIXED -> "Mixed ownership: confirm that it is majority private and domestic.";
                    case PRIVATE_FOREIGN -> "Foreign-owned: not majority domestic.";
                    case STATE -> "State-owned: not private.";
                }));

        int employees = e.employees();
        checks.add(new AutoCheck(RuleCode.E2, SchemeRules.sme(employees, e.annualTurnoverEur(), e.totalAssetsEur()), employees + " employees (10 to 249 needed); turnover EUR "
                + e.annualTurnoverEur() + " (max 50 m) or assets EUR " + e.totalAssetsEur() + " (max 43 m)."));

        checks.add(new AutoCheck(RuleCode.E3, SchemeRules.longEnoughInMarket(e.registeredOn(), submittedOn),
                "Registered on " + e.registeredOn() + "; more than 2 years before " + submittedOn + " is needed."));

        boolean excluded = SchemeRules.excludedSector(e.naceCode());
        checks.add(new AutoCheck(RuleCode.E6, !excluded, "NACE " + e.naceCode() + (excluded
                ? " is an excluded sector (banking, military, gambling, tobacco or alcohol)."
                : " (section " + e.naceCode().section() + ") is not an excluded sector.")));

        checks.add(new AutoCheck(RuleCode.E7, Boolean.TRUE.equals(form.declarations().noAffiliation()),
                Boolean.TRUE.equals(form.declarations().noAffiliation()) ? "Declared no affiliation with the chosen providers."
                        : "Declared an affiliation with a chosen provider: check before matching."));
        checks.add(new AutoCheck(RuleCode.E8, Boolean.TRUE.equals(form.declarations().noLegalProceedings()),
                Boolean.TRUE.equals(form.declarations().noLegalProceedings()) ? "Declared no legal proceedings."
                        : "Declared legal proceedings: judge the reputational risk."));

        boolean notStarted = Boolean.TRUE.equals(form.declarations().serviceNotStarted()) && p.plannedStart().isAfter(submittedOn);
        checks.add(new AutoCheck(RuleCode.E9, notStarted, "Planned start " + p.plannedStart()
                + (p.plannedStart().isAfter(submittedOn) ? " is after" : " is not after") + " the submission; service "
                + (Boolean.TRUE.equals(form.declarations().serviceNotStarted()) ? "declared not started." : "declared started.")));

        Money total = p.totalCost();
        List<MoneyLimits.Breach> money = call.breaches(p.services().stream().map(Service::costEur).toList(),
                p.requestedVoucherEur(), p.capitalEquipmentEur());
        boolean overShare = money.stream().anyMatch(b -> b instanceof MoneyLimits.Breach.OverShare);
        boolean coFinance = !overShare && Boolean.TRUE.equals(form.declarations().canCoFinance());
        checks.add(new AutoCheck(RuleCode.E10, coFinance, "Requested EUR " + p.requestedVoucherEur() + " of EUR " + total
                + " service cost; the enterprise pays EUR " + total.minus(p.requestedVoucherEur().isGreaterThan(total) ? total : p.requestedVoucherEur())
                + " (at least " + MoneyLimits.percent(BigDecimal.valueOf(100).subtract(call.maxSharePercent())) + " % needed)."));

        List<String> others = new ArrayList<>();
        for (Service s : p.services()) {
            if (s.type() == ServiceType.OTHER) {
                others.add(s.description());
            }
        }
        checks.add(new AutoCheck(RuleCode.S1, others.isEmpty(), others.isEmpty()
                ? "Every service is an eligible R&D service type."
                : "OTHER service(s) need the committee's acceptance: " + String.join("; ", others)));

        List<String> flagged = new ArrayList<>();
        for (Service s : p.services()) {
            Matcher m = NOT_ELIGIBLE.matcher(s.description());
            while (m.find()) {
                flagged.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        checks.add(new AutoCheck(RuleCode.S2, flagged.isEmpty(), flagged.isEmpty()
                ? "No excluded service (sales, marketing, advice, ISO 9000/14001 ...) found in the descriptions."
                : "Descriptions mention excluded services: " + String.join(", ", flagged.stream().distinct().toList()) + "."));

        long quantified = p.environmentalIndicators().stream()
                .filter(t -> t.baseline() != null && t.target() != null && t.baseline().compareTo(t.target()) != 0).count();
        checks.add(new AutoCheck(RuleCode.S3, quantified > 0, quantified + " quantified environmental indicator(s)."));

        List<String> broken = new ArrayList<>();
        for (MoneyLimits.Breach breach : money) {
            if (breach instanceof MoneyLimits.Breach.ServiceUnderMinimum under) {
                broken.add("service '" + p.services().get(under.service()).description() + "' costs EUR " + under.cost()
                        + ", under EUR " + under.minimum());
            } else if (breach instanceof MoneyLimits.Breach.OverMaximum max) {
                broken.add("voucher over EUR " + max.maximum());
            } else if (breach instanceof MoneyLimits.Breach.OverShare share) {
                broken.add("voucher over " + MoneyLimits.percent(share.sharePercent()) + " % of the cost (EUR " + share.capByShare() + ")");
            } else if (breach instanceof MoneyLimits.Breach.EquipmentOverShare equipment) {
                broken.add("capital equipment over " + MoneyLimits.percent(equipment.sharePercent()) + " % of the project");
            }
        }
        checks.add(new AutoCheck(RuleCode.S4, broken.isEmpty(), broken.isEmpty()
                ? "Voucher EUR " + p.requestedVoucherEur() + " within the call's limits." : String.join("; ", broken) + "."));
        return checks;
    }
}
