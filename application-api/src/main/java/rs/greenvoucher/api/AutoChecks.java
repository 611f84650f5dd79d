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

    /**
     * {@code detail}: the English sentence, as the audit's CSV and older items have it. {@code explanation}: the same
     * as message keys with their values ({@code scheme_*.properties}, {@code check.*}), so each reader gets it in their
     * language (SchemeTexts.explain); absent on items computed before it existed.
     */
    public record AutoCheck(RuleCode rule, boolean passed, String detail, List<Explanation> explanation) {

        AutoCheck(RuleCode rule, boolean passed, String detail, Explanation... explanation) {
            this(rule, passed, detail, List.of(explanation));
        }
    }

    /** One clause of an explanation: its key under {@code check.} and its values (texts, numbers, ISO dates). */
    public record Explanation(String text, List<Object> values) {

        public Explanation {
            values = values == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        static Explanation of(String text, Object... values) {
            return new Explanation(text, java.util.Arrays.stream(values).map(v -> v instanceof LocalDate d ? (Object) d.toString()
                    : v instanceof Money m ? m.amount() : v == null ? "" : v instanceof Number ? v : v.toString()).toList());
        }
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
        List<MoneyLimits.Breach> money = call.breaches(p.services().stream().map(Service::costEur).toList(),
                p.requestedVoucherEur(), p.capitalEquipmentEur());
        boolean overShare = money.stream().anyMatch(b -> b instanceof MoneyLimits.Breach.OverShare);
        boolean coFinance = !overShare && Boolean.TRUE.equals(form.declarations().canCoFinance());
        Money pays = total.minus(p.requestedVoucherEur().isGreaterThan(total) ? total : p.requestedVoucherEur());
        String ownShare = MoneyLimits.percent(BigDecimal.valueOf(100).subtract(call.maxSharePercent()));
        checks.add(new AutoCheck(RuleCode.E10, coFinance, "Requested EUR " + p.requestedVoucherEur() + " of EUR " + total
                + " service cost; the enterprise pays EUR " + pays + " (at least " + ownShare + " % needed).",
                Explanation.of("E10", p.requestedVoucherEur(), total, pays, ownShare)));

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
