package rs.greenvoucher.api.value;

/** Every rule of the scheme by its stable code (reference/scheme-rules.md). */
public enum RuleCode {
    E1("Privately owned enterprise registered in Serbia"),
    E2("SME: 10 to 249 employees, turnover at most EUR 50 m or assets at most EUR 43 m"),
    E3("Active in the market for more than 2 years"),
    E4("Green technology end-user or supplier"),
    E5("Stable financial position"),
    E6("Not in an excluded sector (banking, military, gambling, tobacco, alcohol)"),
    E7("No affiliation with a chosen provider"),
    E8("No legal proceedings that affect the project"),
    E9("The service has not started"),
    E10("The enterprise pays at least 10 % of the service cost"),
    S1("Eligible service type"),
    S2("Not an excluded service"),
    S3("Measurable environmental benefit"),
    S4("Voucher within the call's money limits"),
    L1("One voucher per enterprise"),
    L2("At most three providers"),
    L3("An enterprise is either a provider or a beneficiary"),
    L4("Call budget"),
    P1("Only active providers from the eligible list"),
    P2("Individual consultants are never providers"),
    P3("Pre-qualification of further providers"),
    D1("The documents the call requires are attached before submission"),
    D2("An invoice from every provider that worked is attached before the completion report"),
    D3("Information an evaluator asks for arrives by its reply-by date, or the application expires at that stage"),
    I1("Each service is invoiced by one provider of the voucher"),
    I2("The invoices of a service stay within its agreed cost"),
    I3("Only invoices whose delivery the enterprise confirmed are paid, at the call's share and within the approved voucher");

    private final String description;

    RuleCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
