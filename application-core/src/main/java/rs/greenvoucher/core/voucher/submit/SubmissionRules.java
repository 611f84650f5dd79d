package rs.greenvoucher.core.voucher.submit;

import rs.greenvoucher.api.DocumentRules;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationForm.IndicatorTarget;
import rs.greenvoucher.api.application.ApplicationForm.Service;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scheme rules a submission must meet before it is accepted at all (D1 and S1–S4, with the call's parameters, and E9's
 * planned start: a service that has already started can never be paid, so it is refused at the door rather than left
 * for screening; docs/adr/0020). The other eligibility rules are judged at screening, where the evaluation service
 * pre-computes them.
 */
public final class SubmissionRules {

    /** S2: ISO 9000 / ISO 14001 management-system certification is never an eligible service. */
    private static final Pattern MANAGEMENT_SYSTEM_CERTIFICATION =
            Pattern.compile("\\biso\\s*(9000|9001|14001)\\b", Pattern.CASE_INSENSITIVE);

    private SubmissionRules() {
    }

    public static void check(ApplicationForm form, CallParameters call, LocalDate today,
                             List<DocumentRules.Attached> documents) {
        Set<RuleCode> rules = new LinkedHashSet<>();
        List<Refusal.Field> errors = new ArrayList<>();
        for (DocumentRules.Missing missing : DocumentRules.missingAtSubmission(call.requiredDocuments(), form.providerCodes(),
                documents)) {
            rules.add(RuleCode.D1);
            errors.add(new Refusal.Field("documents." + missing.kind() + (missing.providerCode() == null ? ""
                    : "." + missing.providerCode()), "is required by this call"));
        }
        if (!SchemeRules.startsAfter(form.project().plannedStart(), today)) {
            rules.add(RuleCode.E9);
            errors.add(new Refusal.Field("project.plannedStart", "must be after the day of submission; "
                    + "the voucher does not pay for services that have already started"));
        }
        List<Service> services = form.project().services();
        List<MoneyLimits.Breach> money = MoneyLimits.of(call).breaches(services.stream().map(Service::costEur).toList(),
                form.project().requestedVoucherEur(), form.project().capitalEquipmentEur());
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
            for (MoneyLimits.Breach breach : money) {
                if (breach instanceof MoneyLimits.Breach.ServiceUnderMinimum under && under.service() == i) {
                    rules.add(RuleCode.S4);
                    errors.add(new Refusal.Field(field + ".costEur", "at least EUR " + under.minimum() + " excl. VAT"));
                }
            }
        }
        List<IndicatorTarget> indicators = form.project().environmentalIndicators();
        if (indicators.stream().noneMatch(t -> t.baseline() != null && t.target() != null && t.baseline().compareTo(t.target()) != 0)) {
            rules.add(RuleCode.S3);
            errors.add(new Refusal.Field("project.environmentalIndicators",
                    "at least one quantified indicator with a baseline and a different target"));
        }
        for (MoneyLimits.Breach breach : money) {
            if (breach instanceof MoneyLimits.Breach.OverShare share) {
                rules.add(RuleCode.S4);
                rules.add(RuleCode.E10);
                errors.add(new Refusal.Field("project.requestedVoucherEur", "at most " + MoneyLimits.percent(share.sharePercent())
                        + " % of the service cost (EUR " + share.capByShare() + "); the enterprise pays the rest"));
            } else if (breach instanceof MoneyLimits.Breach.OverMaximum max) {
                rules.add(RuleCode.S4);
                errors.add(new Refusal.Field("project.requestedVoucherEur", "at most EUR " + max.maximum() + " in this call"));
            } else if (breach instanceof MoneyLimits.Breach.EquipmentOverShare equipment) {
                rules.add(RuleCode.S4);
                errors.add(new Refusal.Field("project.capitalEquipmentEur", "at most "
                        + MoneyLimits.percent(equipment.sharePercent()) + " % of the project"));
            }
            // a service under the minimum is named with its service above
        }
        if (!rules.isEmpty()) {
            throw RuleViolation.schemeRules(List.copyOf(rules), errors);
        }
    }
}
