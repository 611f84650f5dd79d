package rs.greenvoucher.api;

import rs.greenvoucher.api.AutoChecks.AutoCheck;
import rs.greenvoucher.api.AutoChecks.Explanation;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
/** The eligibility rules the application's own data decides: E1, E2, E3, E6, E7 and E8 (declarations), E9, E10. */
final class EligibilityChecks {

    private EligibilityChecks() {
    }

    static List<AutoCheck> of(ApplicationForm form, LocalDate submittedOn, MoneyLimits call, List<MoneyLimits.Breach> money) {
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
                }, switch (ownership) {
                    case PRIVATE_DOMESTIC -> Explanation.of("E1.privateDomestic", e.mb().value(), e.pib().value());
                    case MIXED -> Explanation.of("E1.mixed");
                    case PRIVATE_FOREIGN -> Explanation.of("E1.foreign");
                    case STATE -> Explanation.of("E1.state");
                }));

        int employees = e.employees();
        checks.add(new AutoCheck(RuleCode.E2, SchemeRules.sme(employees, e.annualTurnoverEur(), e.totalAssetsEur()), employees + " employees (10 to 249 needed); turnover EUR "
                + e.annualTurnoverEur() + " (max 50 m) or assets EUR " + e.totalAssetsEur() + " (max 43 m).",
                Explanation.of("E2", employees, e.annualTurnoverEur(), e.totalAssetsEur())));

        checks.add(new AutoCheck(RuleCode.E3, SchemeRules.longEnoughInMarket(e.registeredOn(), submittedOn),
                "Registered on " + e.registeredOn() + "; more than 2 years before " + submittedOn + " is needed.",
                Explanation.of("E3", e.registeredOn(), submittedOn)));

        boolean excluded = SchemeRules.excludedSector(e.naceCode());
        checks.add(new AutoCheck(RuleCode.E6, !excluded, "NACE " + e.naceCode() + (excluded
                ? " is an excluded sector (banking, military, gambling, tobacco or alcohol)."
                : " (section " + e.naceCode().section() + ") is not an excluded sector."),
                excluded ? Explanation.of("E6.excluded", e.naceCode().value())
                        : Explanation.of("E6.allowed", e.naceCode().value(), e.naceCode().section())));

        checks.add(new AutoCheck(RuleCode.E7, Boolean.TRUE.equals(form.declarations().noAffiliation()),
                Boolean.TRUE.equals(form.declarations().noAffiliation()) ? "Declared no affiliation with the chosen providers."
                        : "Declared an affiliation with a chosen provider: check before matching.",
                Explanation.of(Boolean.TRUE.equals(form.declarations().noAffiliation()) ? "E7.none" : "E7.declared")));
        checks.add(new AutoCheck(RuleCode.E8, Boolean.TRUE.equals(form.declarations().noLegalProceedings()),
                Boolean.TRUE.equals(form.declarations().noLegalProceedings()) ? "Declared no legal proceedings."
                        : "Declared legal proceedings: judge the reputational risk.",
                Explanation.of(Boolean.TRUE.equals(form.declarations().noLegalProceedings()) ? "E8.none" : "E8.declared")));

        boolean notStarted = Boolean.TRUE.equals(form.declarations().serviceNotStarted()) && SchemeRules.startsAfter(p.plannedStart(), submittedOn);
        boolean after = SchemeRules.startsAfter(p.plannedStart(), submittedOn);
        boolean declaredNotStarted = Boolean.TRUE.equals(form.declarations().serviceNotStarted());
        checks.add(new AutoCheck(RuleCode.E9, notStarted, "Planned start " + p.plannedStart()
                + (after ? " is after" : " is not after") + " the submission; service "
                + (declaredNotStarted ? "declared not started." : "declared started."),
                Explanation.of(after ? "E9.after" : "E9.notAfter", p.plannedStart()),
                Explanation.of(declaredNotStarted ? "E9.notStarted" : "E9.started")));

        Money total = p.totalCost();
        boolean overShare = money.stream().anyMatch(b -> b instanceof MoneyLimits.Breach.OverShare);
        boolean coFinance = !overShare && Boolean.TRUE.equals(form.declarations().canCoFinance());
        Money pays = total.minus(p.requestedVoucherEur().isGreaterThan(total) ? total : p.requestedVoucherEur());
        String ownShare = MoneyLimits.percent(BigDecimal.valueOf(100).subtract(call.maxSharePercent()));
        checks.add(new AutoCheck(RuleCode.E10, coFinance, "Requested EUR " + p.requestedVoucherEur() + " of EUR " + total
                + " service cost; the enterprise pays EUR " + pays + " (at least " + ownShare + " % needed).",
                Explanation.of("E10", p.requestedVoucherEur(), total, pays, ownShare)));
        return checks;
    }
}
