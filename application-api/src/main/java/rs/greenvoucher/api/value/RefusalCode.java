package rs.greenvoucher.api.value;

/**
 * Why the domain says no, in the contract's words (api-contract.md, Errors). The domain knows nothing of HTTP; each
 * service maps these codes to statuses in one place at its edge.
 */
public enum RefusalCode {
    /** L1 */
    ONE_VOUCHER_PER_ENTERPRISE,
    /** L3, both ways */
    PROVIDER_CANNOT_APPLY,
    /** not a scheme rule: the cap on one account's applications in progress */
    TOO_MANY_OPEN_APPLICATIONS,
    /** L2 */
    TOO_MANY_PROVIDERS,
    /** P1 */
    UNKNOWN_PROVIDER,
    /** P2 */
    PROVIDER_NOT_ELIGIBLE,
    /** L4 */
    CALL_BUDGET_EXCEEDED,
    /** no call open on the day of submission */
    CALL_CLOSED,
    /** S1–S4, E10 and other rules checked against a call's parameters */
    SCHEME_RULE_VIOLATED,
    /** the action does not fit the current status */
    INVALID_TRANSITION,
    /** a correction waits for a second administrator already */
    CORRECTION_PENDING,
    /** the one who proposed a correction cannot confirm it */
    FOUR_EYES,
    /** no such thing, or not the caller's */
    NOT_FOUND
}
