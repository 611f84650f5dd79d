package rs.greenvoucher.api.value;

/** Where an evaluator acts on an application; also the stage of a rejection. */
public enum Stage {
    SCREENING, PROVIDER_MATCHING, COMMITTEE, COMPLETION_VERIFICATION
}
