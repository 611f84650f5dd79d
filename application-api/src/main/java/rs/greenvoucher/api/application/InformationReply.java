package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * The applicant's reply to a request for more information: a message, and the new values of the fields the evaluator
 * named (each null when unchanged). The documents asked for are uploaded to the application before it.
 */
public record InformationReply(String message, Changes changes) {

    public InformationReply {
        changes = changes == null ? Changes.NONE : changes;
    }

    /** New values of the fields an evaluator may ask about ({@link RequestedField}); null: unchanged. */
    public record Changes(Integer employees, Money annualTurnoverEur, Money totalAssetsEur, String projectDescription) {

        public static final Changes NONE = new Changes(null, null, null, null);

        /** The fields this reply changes. */
        public List<RequestedField> fields() {
            List<RequestedField> fields = new ArrayList<>();
            if (employees != null) {
                fields.add(RequestedField.EMPLOYEES);
            }
            if (annualTurnoverEur != null) {
                fields.add(RequestedField.ANNUAL_TURNOVER);
            }
            if (totalAssetsEur != null) {
                fields.add(RequestedField.TOTAL_ASSETS);
            }
            if (projectDescription != null) {
                fields.add(RequestedField.PROJECT_DESCRIPTION);
            }
            return fields;
        }

        /** The form with these changes. */
        public ApplicationForm applyTo(ApplicationForm form) {
            ApplicationForm.Enterprise e = form.enterprise();
            ApplicationForm.Project p = form.project();
            ApplicationForm.Enterprise enterprise = new ApplicationForm.Enterprise(e.mb(), e.pib(), e.name(), e.address(),
                    e.region(), e.naceCode(), e.registeredOn(), e.ownership(), employees == null ? e.employees() : employees,
                    annualTurnoverEur == null ? e.annualTurnoverEur() : annualTurnoverEur,
                    totalAssetsEur == null ? e.totalAssetsEur() : totalAssetsEur, e.greenRole(), e.contactName(),
                    e.contactEmail());
            ApplicationForm.Project project = new ApplicationForm.Project(p.title(),
                    projectDescription == null ? p.description() : projectDescription, p.services(), p.plannedStart(),
                    p.environmentalIndicators(), p.requestedVoucherEur(), p.capitalEquipmentEur());
            return new ApplicationForm(enterprise, project, form.providerCodes(), form.declarations());
        }
    }
}
