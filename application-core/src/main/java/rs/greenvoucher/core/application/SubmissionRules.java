package rs.greenvoucher.core.application;

import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.ApplicationForm.IndicatorTarget;
import rs.greenvoucher.api.application.ApplicationForm.Service;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scheme rules a submission must meet before it is accepted at all (S1–S4, with the call's parameters).
 * Eligibility rules E1–E10 are judged at screening, where the evaluation service pre-computes them.
 */
public final class SubmissionRules {

    /** S2: ISO 9000 / ISO 14001 management-system certification is never an eligible service. */
    private static final Pattern MANAGEMENT_SYSTEM_CERTIFICATION =
            Pattern.compile("\\biso\\s*(9000|9001|14001)\\b", Pattern.CASE_INSENSITIVE);

    private SubmissionRules() {
    }

    public static void check(ApplicationForm form, CallParameters call) {
        Set<RuleCode> rules = new LinkedHashSet<>();
        List<Refusal.Field> errors = new ArrayList<>();
        List<Service> services = form.project().services();
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i);
            String field = "project.services[" + i + "]";
            if (s.type() == ServiceType.OTHER && (s.justification() == null || s.justification().isBlank())) {
                rules.add(RuleCode.S1);
                errors.add(new Refusal.Field(field + ".justification",
                        "OTHER needs a justification of significant environmental benefit"));
            }
            if (s.type() == ServiceType.CERTIFICATION && MANAGEMENT_SYSTEM_CERTIFICATION.matcher(s.description()).find()) {
                rules.add(RuleCode.S2);
                errors.add(new Refusal.Field(field + ".description", "ISO 9000 / ISO 14001 management-system certification is not eligible"));
            }
            if (s.costEur().compareTo(call.minServiceCostEur()) < 0) {
                rules.add(RuleCode.S4);
                errors.add(new Refusal.Field(field + ".costEur", "at least EUR " + call.minServiceCostEur() + " excl. VAT"));
            }
        }
        List<IndicatorTarget> indicators = form.project().environmentalIndicators();
        if (indicators.stream().noneMatch(t -> t.baseline() != null && t.target() != null && t.baseline().compareTo(t.target()) != 0)) {
            rules.add(RuleCode.S3);
            errors.add(new Refusal.Field("project.environmentalIndicators",
                    "at least one quantified indicator with a baseline and a different target"));
        }
        Money total = form.project().totalCost();
        Money requested = form.project().requestedVoucherEur();
        Money maxByShare = total.percent(call.maxSharePercent());
        if (requested.isGreaterThan(maxByShare)) {
            rules.add(RuleCode.S4);
            rules.add(RuleCode.E10);
            errors.add(new Refusal.Field("project.requestedVoucherEur", "at most " + percent(call.maxSharePercent())
                    + " % of the service cost (EUR " + maxByShare + "); the enterprise pays the rest"));
        }
        if (requested.isGreaterThan(call.maxVoucherEur())) {
            rules.add(RuleCode.S4);
            errors.add(new Refusal.Field("project.requestedVoucherEur", "at most EUR " + call.maxVoucherEur() + " in this call"));
        }
        Money equipment = form.project().capitalEquipmentEur();
        if (equipment != null && equipment.isGreaterThan(total.percent(call.maxEquipmentSharePercent()))) {
            rules.add(RuleCode.S4);
            errors.add(new Refusal.Field("project.capitalEquipmentEur", "at most " + percent(call.maxEquipmentSharePercent())
                    + " % of the project"));
        }
        if (!rules.isEmpty()) {
            throw RuleViolation.schemeRules(List.copyOf(rules), errors);
        }
    }

    private static String percent(java.math.BigDecimal p) {
        return p.stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
