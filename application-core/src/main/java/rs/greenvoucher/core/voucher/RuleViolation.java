package rs.greenvoucher.core.voucher;

import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;

import java.util.List;
import java.util.Map;

/**
 * A refusal because a rule of the scheme says no. Carries the rule code(s) and the refusal code, so the API
 * answer, the refused-decision event and the logs all name the same rule.
 */
public class RuleViolation extends Refusal {

    public RuleViolation(RefusalCode code, List<RuleCode> rules, String detail, List<Field> errors) {
        super(code, detail, rules, errors, Map.of("ruleCodes", rules.stream().map(Enum::name).toList()));
    }

    /** L1 */
    public static RuleViolation oneVoucherPerEnterprise(String mb) {
        return new RuleViolation(RefusalCode.ONE_VOUCHER_PER_ENTERPRISE, List.of(RuleCode.L1),
                "Enterprise " + mb + " already has an application in progress or a voucher.",
                List.of(new Field("enterprise.mb", "already has an application in progress or a voucher")));
    }

    /** L3, as an applicant */
    public static RuleViolation providerCannotApply(String mb) {
        return new RuleViolation(RefusalCode.PROVIDER_CANNOT_APPLY, List.of(RuleCode.L3),
                "Enterprise " + mb + " is a registered R&D service provider and cannot apply.",
                List.of(new Field("enterprise.mb", "is a registered provider")));
    }

    /** L3, as a provider */
    public static RuleViolation applicantCannotBeProvider(String mb) {
        return new RuleViolation(RefusalCode.PROVIDER_CANNOT_APPLY, List.of(RuleCode.L3),
                "Enterprise " + mb + " has applied for a voucher and cannot be a provider.",
                List.of(new Field("mb", "belongs to an applicant")));
    }

    /** Not a scheme rule: the cap on one account's open applications, against squatting many enterprises' MBs. */
    public static RuleViolation tooManyOpenApplications(int cap) {
        return new RuleViolation(RefusalCode.TOO_MANY_OPEN_APPLICATIONS, List.of(),
                "This account already has " + cap + " applications in progress; withdraw one or wait for a decision.",
                List.of());
    }

    /** P1 */
    public static RuleViolation unknownProvider(String field, List<String> codes) {
        return new RuleViolation(RefusalCode.UNKNOWN_PROVIDER, List.of(RuleCode.P1),
                "Not on the list of active providers: " + String.join(", ", codes) + ".",
                List.of(new Field(field, "unknown or inactive provider(s): " + String.join(", ", codes))));
    }

    /** P2 */
    public static RuleViolation individualConsultant() {
        return new RuleViolation(RefusalCode.PROVIDER_NOT_ELIGIBLE, List.of(RuleCode.P2),
                "Individual consultants are never providers.", List.of(new Field("kind", "individual consultants are never providers")));
    }

    /** P3: one pre-qualification per organisation */
    public static RuleViolation providerAlreadyListed(String mb) {
        return new RuleViolation(RefusalCode.PROVIDER_ALREADY_LISTED, List.of(RuleCode.P3),
                "The organisation " + mb + " is on the list of providers already, or has applied to be.",
                List.of(new Field("mb", "is on the list or has applied already")));
    }

    /** L4 */
    public static RuleViolation callBudgetExceeded(String remaining) {
        return new RuleViolation(RefusalCode.CALL_BUDGET_EXCEEDED, List.of(RuleCode.L4),
                "The call's remaining budget (EUR " + remaining + ") does not cover this voucher.", List.of());
    }

    /** L4, for the payments of a call */
    public static RuleViolation paymentsOverBudget(String remaining) {
        return new RuleViolation(RefusalCode.CALL_BUDGET_EXCEEDED, List.of(RuleCode.L4),
                "The call's budget left for payments (EUR " + remaining + ") does not cover this payment order.", List.of());
    }

    public static RuleViolation callClosed() {
        return new RuleViolation(RefusalCode.CALL_CLOSED, List.of(),
                "No call is open for submissions today.", List.of());
    }

    /** S1–S4 and other scheme rules at submission or decision. */
    public static RuleViolation schemeRules(List<RuleCode> rules, List<Field> errors) {
        return new RuleViolation(RefusalCode.SCHEME_RULE_VIOLATED, rules,
                "The application breaks rule(s) " + String.join(", ", rules.stream().map(Enum::name).toList()) + ".", errors);
    }
}
