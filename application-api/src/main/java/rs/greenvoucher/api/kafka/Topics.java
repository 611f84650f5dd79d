package rs.greenvoucher.api.kafka;

/** Kafka topic names shared by every service. */
public final class Topics {

    /** Every lifecycle event of an application, written only by core, keyed by application id. */
    public static final String APPLICATION_EVENTS = "gv.application.events";

    /** Evaluators' decisions, written only by the evaluation service, keyed by application id. */
    public static final String EVALUATION_DECISIONS = "gv.evaluation.decisions";

    /** Account events (verification links, locks, revoked tokens), written only by core, keyed by account id. */
    public static final String ACCOUNT_EVENTS = "gv.account.events";

    /**
     * Each application's key for its personal fields (docs/adr/0011), written only by core, keyed by application id,
     * compacted: an erasure writes a tombstone, after which the sealed fields of that application read as erased.
     */
    public static final String PERSONAL_KEYS = "gv.personal.keys";

    /** Where a consumer puts a message it cannot process: the topic name plus this suffix. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }
}
