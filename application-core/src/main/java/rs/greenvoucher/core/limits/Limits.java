package rs.greenvoucher.core.limits;

import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The set-based limits, each held by a unique key or a guarded update in PostgreSQL, in the transaction that
 * appends the command's events (docs/adr/0003). Implemented with JDBC beside it, in {@link JdbcLimits}.
 */
public interface Limits {

    /** L3 then L1: marks the MB as a beneficiary and claims its one voucher for this application. */
    void claimEnterprise(Mb mb, UUID applicationId);

    /** L3 from the other side: marks the MB as a provider; refused for an MB that ever applied. */
    void claimProviderRole(Mb mb);

    /**
     * The cap on open applications per account (an anti-abuse limit, not a scheme rule): counts this application
     * against the applicant, or refuses with TOO_MANY_OPEN_APPLICATIONS.
     */
    void claimOpenApplicationSlot(String applicantId, UUID applicationId);

    /** P1: every code is on the list and active; holds a share lock on them until the transaction ends. */
    void requireActiveProviders(List<ProviderCode> codes, String field);

    /** The call open for submissions on that day, if any. */
    Optional<OpenCall> callOpenOn(LocalDate day);

    CallParameters callParameters(UUID callId);

    /** L4: commits {@code amount} of the call's budget, or refuses with CALL_BUDGET_EXCEEDED. */
    void reserveBudget(UUID callId, Money amount);

    /** L4 for the money itself: adds an approved payment order to the call's payments, or refuses past its budget. */
    void claimPaymentBudget(UUID callId, Money amount);

    /** A declined approved payment order gives its amount back. */
    void releasePaymentBudget(UUID callId, Money amount);

    /** The next tracking code, GIV-{year}-{number}. */
    String nextTrackingCode(int year);

    record OpenCall(UUID id, CallParameters parameters) {
    }

    /** A call row's {@code required_documents} (D1, D2). */
    static List<DocumentKind> requiredDocuments(java.sql.ResultSet rs) throws java.sql.SQLException {
        return java.util.Arrays.stream((String[]) rs.getArray("required_documents").getArray()).map(DocumentKind::valueOf).toList();
    }
}
