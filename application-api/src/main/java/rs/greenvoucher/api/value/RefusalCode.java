package rs.greenvoucher.api.value;

/**
 * Why a service or the domain says no, in the contract's words (api-contract.md, Errors). Neither knows anything of
 * HTTP: the web edge (service-support's ApiExceptionHandler) maps these codes to statuses in one table.
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
    /** P3: an organisation (by MB) that is on the list already, or whose pre-qualification waits or was approved */
    PROVIDER_ALREADY_LISTED,
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
    /** a payment order for the provider waits for approval or for the bank already */
    PAYMENT_PENDING,
    /** the one who proposed a correction (or a payment order) cannot confirm it */
    FOUR_EYES,
    /** no such thing, or not the caller's */
    NOT_FOUND,
    /** the request is not valid: the errors name each field */
    VALIDATION_FAILED,
    /** wrong credentials, or a token that is not valid */
    UNAUTHENTICATED,
    /** the caller's role may not do this */
    FORBIDDEN,
    /** the account is disabled */
    ACCOUNT_DISABLED,
    /** the applicant has not confirmed their e-mail address (or is not an applicant of this scheme) */
    EMAIL_NOT_VERIFIED,
    /** a link to confirm an address that is not valid (any more) */
    INVALID_VERIFICATION_LINK,
    /** an account with this username exists */
    ACCOUNT_EXISTS,
    /** an administrator cannot disable their own account */
    CANNOT_DISABLE_YOURSELF,
    /** only an applicant's personal data is erased on request */
    NOT_AN_APPLICANT,
    /** too many requests from one caller for now */
    TOO_MANY_REQUESTS,
    /** too many wrong passwords: sign-in to the account is locked for a while */
    ACCOUNT_LOCKED,
    /** the applicant has as many drafts as they may keep */
    TOO_MANY_DRAFTS,
    /** a call is open on some of the same days */
    CALL_OVERLAPS,
    /** someone changed the same thing at the same moment; read it again and retry */
    CHANGED_MEANWHILE,
    /** another evaluator has claimed the work item */
    ALREADY_CLAIMED,
    /** the caller has not claimed the work item */
    NOT_CLAIMED,
    /** no decision waits on the item */
    NO_PENDING_DECISION,
    /** the pending decision is not stuck: it may still be applied */
    DECISION_NOT_STUCK,
    /** a rebuild is running already */
    REBUILD_RUNNING,
    /** this read model cannot be rebuilt now */
    REBUILD_NOT_POSSIBLE,
    /** the service cannot reach what it needs, or is busy, for a moment; nothing was changed */
    UNAVAILABLE
}
