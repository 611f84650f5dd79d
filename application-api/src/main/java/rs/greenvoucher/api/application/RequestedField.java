package rs.greenvoucher.api.application;

/**
 * The fields of an application an evaluator may ask the applicant to change in a reply (D3), each by its path in the
 * form: the figures E2 and E5 are judged on, and the project's description.
 */
public enum RequestedField {
    EMPLOYEES("enterprise.employees"),
    ANNUAL_TURNOVER("enterprise.annualTurnoverEur"),
    TOTAL_ASSETS("enterprise.totalAssetsEur"),
    PROJECT_DESCRIPTION("project.description");

    private final String path;

    RequestedField(String path) {
        this.path = path;
    }

    /** Where it is in {@link ApplicationForm}, as validation errors name it. */
    public String path() {
        return path;
    }
}
