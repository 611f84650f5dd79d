package rs.greenvoucher.api.value;

/**
 * The kinds of document an application carries (rules D1 and D2). The first four are attached to a draft before
 * submission, the last two to an approved voucher before its completion report; an offer and an invoice name the
 * provider they come from.
 */
public enum DocumentKind {
    PROVIDER_OFFER(false, true),
    FINANCIAL_STATEMENTS(false, false),
    REGISTER_EXTRACT(false, false),
    OTHER(false, false),
    INVOICE(true, true),
    RESULT_EVIDENCE(true, false);

    private final boolean atCompletion;
    private final boolean perProvider;

    DocumentKind(boolean atCompletion, boolean perProvider) {
        this.atCompletion = atCompletion;
        this.perProvider = perProvider;
    }

    /** Attached to an approved voucher, for its completion report; otherwise to a draft. */
    public boolean atCompletion() {
        return atCompletion;
    }

    /** Names the provider it comes from (one of the application's). */
    public boolean perProvider() {
        return perProvider;
    }
}
