package rs.greenvoucher.core.applicant;

import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.ApplicationForm.IndicatorTarget;
import rs.greenvoucher.api.application.ApplicationForm.Service;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.platform.web.ApiException;
import rs.greenvoucher.platform.web.ApiException.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of an application: every field present, within length, well-formed (400 VALIDATION_FAILED, naming each
 * field). Value types (MB, PIB, NACE, amounts) validate themselves while the JSON is read; the scheme's rules
 * come after this, in the command handler.
 */
final class FormValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final List<FieldError> errors = new ArrayList<>();

    private FormValidator() {
    }

    static void validate(ApplicationForm form) {
        FormValidator v = new FormValidator();
        v.application(form);
        v.throwIfInvalid();
    }

    static void validate(CompletionReport report) {
        FormValidator v = new FormValidator();
        v.text("summary", report.summary(), 5000);
        v.list("deliverables", report.deliverables(), 1, 50);
        if (report.deliverables() != null) {
            for (int i = 0; i < report.deliverables().size(); i++) {
                v.text("deliverables[" + i + "]", report.deliverables().get(i), 500);
            }
        }
        v.required("invoicedEur", report.invoicedEur());
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
        v.throwIfInvalid();
    }

    private void application(ApplicationForm form) {
        if (!required("body", form)) {
            return;
        }
        ApplicationForm.Enterprise e = form.enterprise();
        if (required("enterprise", e)) {
            required("enterprise.mb", e.mb());
            required("enterprise.pib", e.pib());
            text("enterprise.name", e.name(), 300);
            text("enterprise.address", e.address(), 500);
            required("enterprise.region", e.region());
            required("enterprise.naceCode", e.naceCode());
            required("enterprise.registeredOn", e.registeredOn());
            required("enterprise.ownership", e.ownership());
            if (required("enterprise.employees", e.employees()) && (e.employees() < 0 || e.employees() > 1_000_000)) {
                errors.add(new FieldError("enterprise.employees", "must be between 0 and 1000000"));
            }
            required("enterprise.annualTurnoverEur", e.annualTurnoverEur());
            required("enterprise.totalAssetsEur", e.totalAssetsEur());
            required("enterprise.greenRole", e.greenRole());
            text("enterprise.contactName", e.contactName(), 200);
            if (text("enterprise.contactEmail", e.contactEmail(), 254) && !EMAIL.matcher(e.contactEmail()).matches()) {
                errors.add(new FieldError("enterprise.contactEmail", "is not an e-mail address"));
            }
        }
        ApplicationForm.Project p = form.project();
        if (required("project", p)) {
            text("project.title", p.title(), 300);
            text("project.description", p.description(), 10_000);
            if (list("project.services", p.services(), 1, 20)) {
                for (int i = 0; i < p.services().size(); i++) {
                    Service s = p.services().get(i);
                    String f = "project.services[" + i + "]";
                    if (required(f, s)) {
                        required(f + ".type", s.type());
                        text(f + ".description", s.description(), 2000);
                        if (required(f + ".costEur", s.costEur()) && s.costEur().amount().signum() <= 0) {
                            errors.add(new FieldError(f + ".costEur", "must be positive"));
                        }
                        optionalText(f + ".justification", s.justification(), 2000);
                    }
                }
            }
            required("project.plannedStart", p.plannedStart());
            if (list("project.environmentalIndicators", p.environmentalIndicators(), 1, 20)) {
                for (int i = 0; i < p.environmentalIndicators().size(); i++) {
                    IndicatorTarget t = p.environmentalIndicators().get(i);
                    String f = "project.environmentalIndicators[" + i + "]";
                    if (required(f, t)) {
                        required(f + ".indicator", t.indicator());
                        text(f + ".unit", t.unit(), 40);
                        required(f + ".baseline", t.baseline());
                        required(f + ".target", t.target());
                    }
                }
            }
            if (required("project.requestedVoucherEur", p.requestedVoucherEur()) && p.requestedVoucherEur().amount().signum() <= 0) {
                errors.add(new FieldError("project.requestedVoucherEur", "must be positive"));
            }
        }
        if (required("providerCodes", form.providerCodes())) {
            if (form.providerCodes().isEmpty()) {
                errors.add(new FieldError("providerCodes", "at least one provider"));
            }
            if (form.providerCodes().stream().distinct().count() != form.providerCodes().size()) {
                errors.add(new FieldError("providerCodes", "a provider is named twice"));
            }
        }
        ApplicationForm.Declarations d = form.declarations();
        if (required("declarations", d)) {
            required("declarations.noAffiliation", d.noAffiliation());
            required("declarations.noLegalProceedings", d.noLegalProceedings());
            required("declarations.serviceNotStarted", d.serviceNotStarted());
            required("declarations.canCoFinance", d.canCoFinance());
        }
    }

    private boolean required(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        return true;
    }

    private boolean text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        return optionalText(field, value, max);
    }

    private boolean optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
            return false;
        }
        return true;
    }

    private boolean list(String field, List<?> value, int min, int max) {
        if (value == null || value.size() < min) {
            errors.add(new FieldError(field, "at least " + min + " item(s)"));
            return false;
        }
        if (value.size() > max) {
            errors.add(new FieldError(field, "at most " + max + " items"));
            return false;
        }
        return true;
    }

    private void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "The request is not valid.", errors);
        }
    }
}
