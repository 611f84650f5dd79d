package rs.greenvoucher.core.voucher.submit;

import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.ApplicationForm.IndicatorTarget;
import rs.greenvoucher.api.application.ApplicationForm.Service;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.application.FormLimits;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.util.regex.Pattern;

/**
 * The shape of an application: every field present, within length, well-formed (400 VALIDATION_FAILED, naming each
 * field). Value types (MB, PIB, NACE, amounts) validate themselves while the JSON is read; the scheme's rules
 * come after this, in the command handler.
 */
public final class FormValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private FormValidator() {
    }

    /** {@code today}: the day in Serbia, against which a registration date cannot lie in the future. */
    public static void validate(ApplicationForm form, java.time.LocalDate today) {
        RequestCheck v = new RequestCheck();
        application(v, form, today);
        v.orRefuse();
    }

    private static boolean text(RequestCheck v, String field, String value) {
        return v.text(field, value, FormLimits.maxLength(field));
    }

    /** Present and within its bound (FormLimits): a cost no SME's R&D service has is a typing mistake. */
    private static boolean amount(RequestCheck v, String field, rs.greenvoucher.api.value.Money value) {
        return v.required(field, value) && v.that(!FormLimits.tooLarge(field, value.amount()), field,
                "at most EUR " + FormLimits.maxAmount(field).toPlainString());
    }

    public static void validate(CompletionReport report) {
        RequestCheck v = new RequestCheck();
        v.text("summary", report.summary(), 5000);
        v.list("deliverables", report.deliverables(), 1, 50);
        if (report.deliverables() != null) {
            for (int i = 0; i < report.deliverables().size(); i++) {
                v.text("deliverables[" + i + "]", report.deliverables().get(i), 500);
            }
        }
        if (v.required("invoicedEur", report.invoicedEur())) {
            v.that(report.invoicedEur().amount().compareTo(FormLimits.MAX_INVOICED_AMOUNT) <= 0, "invoicedEur",
                    "at most EUR " + FormLimits.MAX_INVOICED_AMOUNT.toPlainString());
        }
        v.list("environmentalResults", report.environmentalResults(), 1, 20);
        if (report.environmentalResults() != null) {
            for (int i = 0; i < report.environmentalResults().size(); i++) {
                CompletionReport.IndicatorResult r = report.environmentalResults().get(i);
                String f = "environmentalResults[" + i + "]";
                if (v.required(f, r)) {
                    v.required(f + ".indicator", r.indicator());
                    v.text(f + ".unit", r.unit(), 40);
                    v.required(f + ".value", r.value());
                }
            }
        }
        v.orRefuse();
    }

    private static void application(RequestCheck v, ApplicationForm form, java.time.LocalDate today) {
        if (!v.required("body", form)) {
            return;
        }
        ApplicationForm.Enterprise e = form.enterprise();
        if (v.required("enterprise", e)) {
            v.required("enterprise.mb", e.mb());
            v.required("enterprise.pib", e.pib());
            text(v, "enterprise.name", e.name());
            text(v, "enterprise.address", e.address());
            v.required("enterprise.region", e.region());
            v.required("enterprise.naceCode", e.naceCode());
            if (v.required("enterprise.registeredOn", e.registeredOn())) {
                v.that(!FormLimits.registeredInTheFuture(e.registeredOn(), today), "enterprise.registeredOn", "cannot be in the future");
            }
            v.required("enterprise.ownership", e.ownership());
            if (v.required("enterprise.employees", e.employees()) && (e.employees() < 0 || e.employees() > 1_000_000)) {
                v.that(false, "enterprise.employees", "must be between 0 and 1000000");
            }
            amount(v, "enterprise.annualTurnoverEur", e.annualTurnoverEur());
            amount(v, "enterprise.totalAssetsEur", e.totalAssetsEur());
            v.required("enterprise.greenRole", e.greenRole());
            text(v, "enterprise.contactName", e.contactName());
            if (text(v, "enterprise.contactEmail", e.contactEmail()) && !EMAIL.matcher(e.contactEmail()).matches()) {
                v.that(false, "enterprise.contactEmail", "is not an e-mail address");
            }
        }
        ApplicationForm.Project p = form.project();
        if (v.required("project", p)) {
            text(v, "project.title", p.title());
            text(v, "project.description", p.description());
            if (v.list("project.services", p.services(), 1, 20)) {
                for (int i = 0; i < p.services().size(); i++) {
                    Service s = p.services().get(i);
                    String f = "project.services[" + i + "]";
                    if (v.required(f, s)) {
                        v.required(f + ".type", s.type());
                        text(v, f + ".description", s.description());
                        if (amount(v, f + ".costEur", s.costEur()) && s.costEur().amount().signum() <= 0) {
                            v.that(false, f + ".costEur", "must be positive");
                        }
                        v.optionalText(f + ".justification", s.justification(), FormLimits.maxLength(f + ".justification"));
                    }
                }
            }
            v.required("project.plannedStart", p.plannedStart());
            if (p.capitalEquipmentEur() != null) {
                amount(v, "project.capitalEquipmentEur", p.capitalEquipmentEur());
            }
            if (v.list("project.environmentalIndicators", p.environmentalIndicators(), 1, 20)) {
                for (int i = 0; i < p.environmentalIndicators().size(); i++) {
                    IndicatorTarget t = p.environmentalIndicators().get(i);
                    String f = "project.environmentalIndicators[" + i + "]";
                    if (v.required(f, t)) {
                        v.required(f + ".indicator", t.indicator());
                        text(v, f + ".unit", t.unit());
                        v.required(f + ".baseline", t.baseline());
                        v.required(f + ".target", t.target());
                    }
                }
            }
            if (amount(v, "project.requestedVoucherEur", p.requestedVoucherEur()) && p.requestedVoucherEur().amount().signum() <= 0) {
                v.that(false, "project.requestedVoucherEur", "must be positive");
            }
        }
        if (v.required("providerCodes", form.providerCodes())) {
            if (form.providerCodes().isEmpty()) {
                v.that(false, "providerCodes", "at least one provider");
            }
            if (form.providerCodes().stream().distinct().count() != form.providerCodes().size()) {
                v.that(false, "providerCodes", "a provider is named twice");
            }
        }
        ApplicationForm.Declarations d = form.declarations();
        if (v.required("declarations", d)) {
            v.required("declarations.noAffiliation", d.noAffiliation());
            v.required("declarations.noLegalProceedings", d.noLegalProceedings());
            v.required("declarations.serviceNotStarted", d.serviceNotStarted());
            v.required("declarations.canCoFinance", d.canCoFinance());
        }
    }
}
