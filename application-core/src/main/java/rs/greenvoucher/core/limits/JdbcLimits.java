package rs.greenvoucher.core.limits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.RuleViolation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The limits on PostgreSQL. Runs inside the command's transaction (Axon's unit of work is bound to Spring's
 * transaction, and JdbcClient joins it): "insert ... on conflict do nothing" makes a second writer of the same key
 * wait for the first and then lose; the budget update is guarded and row-locked. Nothing is read from a projection.
 */
@Component
class JdbcLimits implements Limits {

    private final JdbcClient jdbc;
    private final Clock clock;

    private final int openApplicationsPerAccount;

    JdbcLimits(JdbcClient jdbc, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${gv.limits.open-applications-per-account:10}") int openApplicationsPerAccount) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.openApplicationsPerAccount = openApplicationsPerAccount;
    }

    /** Serialised per applicant by a transaction-scoped advisory lock, so concurrent submissions cannot pass the cap together. */
    @Override
    public void claimProviderRole(Mb mb) {
        if (!claimRole(mb, "PROVIDER")) {
            throw RuleViolation.applicantCannotBeProvider(mb.value());
        }
    }

    /** L3's one home: an MB takes a role once, for ever; false when it already holds the other one. */
    private boolean claimRole(Mb mb, String role) {
        jdbc.sql("insert into enterprise_role (mb, role) values (:mb, :role) on conflict (mb) do nothing")
                .param("mb", mb.value()).param("role", role).update();
        return role.equals(jdbc.sql("select role from enterprise_role where mb = :mb").param("mb", mb.value())
                .query(String.class).single());
    }

    @Override
    public void claimOpenApplicationSlot(String applicantId, UUID applicationId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "applicant-slot:" + applicantId)
                .query((rs, n) -> 1).list();
        long open = jdbc.sql("select count(*) from applicant_slot where applicant_id = :applicant")
                .param("applicant", applicantId).query(Long.class).single();
        if (open >= openApplicationsPerAccount) {
            throw RuleViolation.tooManyOpenApplications(openApplicationsPerAccount);
        }
        jdbc.sql("insert into applicant_slot (application_id, applicant_id, claimed_at) values (:id, :applicant, :now)")
                .param("id", applicationId).param("applicant", applicantId)
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
    }

    @Override
    public void claimEnterprise(Mb mb, UUID applicationId) {
        if (!claimRole(mb, "BENEFICIARY")) {
            throw RuleViolation.providerCannotApply(mb.value());
        }
        int claimed = jdbc.sql("""
                        insert into enterprise_claim (mb, application_id, claimed_at) values (:mb, :id, :now)
                        on conflict (mb) do nothing""")
                .param("mb", mb.value()).param("id", applicationId)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            throw RuleViolation.oneVoucherPerEnterprise(mb.value());
        }
    }

    @Override
    public void requireActiveProviders(List<ProviderCode> codes, String field) {
        List<String> wanted = codes.stream().map(ProviderCode::value).distinct().toList();
        List<String> active = jdbc.sql("select code from provider where code in (:codes) and active for share")
                .param("codes", wanted).query(String.class).list();
        List<String> unknown = wanted.stream().filter(c -> !active.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.unknownProvider(field, unknown);
        }
    }

    @Override
    public Optional<OpenCall> callOpenOn(LocalDate day) {
        return jdbc.sql("select * from scheme_call where :day between opens_on and closes_on")
                .param("day", day).query((rs, n) -> new OpenCall(rs.getObject("id", UUID.class), parameters(rs)))
                .optional();
    }

    @Override
    public CallParameters callParameters(UUID callId) {
        return jdbc.sql("select * from scheme_call where id = :id").param("id", callId)
                .query((rs, n) -> parameters(rs)).single();
    }

    @Override
    public void reserveBudget(UUID callId, Money amount) {
        addWithinBudget("committed_eur", callId, amount, RuleViolation::callBudgetExceeded);
    }

    /**
     * Adds {@code amount} to one of the call's sums in one guarded update (the row is locked until the transaction
     * ends, so a racing command waits and then sees the sum), or refuses with what the budget has left for it.
     */
    private void addWithinBudget(String column, UUID callId, Money amount, java.util.function.Function<String, RuleViolation> refusal) {
        // the column is one of this class's two names, never a request's
        int updated = jdbc.sql("update scheme_call set " + column + " = " + column + " + :amount"
                        + " where id = :id and " + column + " + :amount <= budget_eur")
                .param("amount", amount.amount()).param("id", callId).update();
        if (updated == 0) {
            Money remaining = jdbc.sql("select budget_eur - " + column + " from scheme_call where id = :id")
                    .param("id", callId).query((rs, n) -> Money.eur(rs.getBigDecimal(1))).single();
            throw refusal.apply(remaining.toString());
        }
    }

    @Override
    public void claimPaymentBudget(UUID callId, Money amount) {
        addWithinBudget("payments_eur", callId, amount, RuleViolation::paymentsOverBudget);
    }

    @Override
    public void releasePaymentBudget(UUID callId, Money amount) {
        jdbc.sql("update scheme_call set payments_eur = payments_eur - :amount where id = :id")
                .param("amount", amount.amount()).param("id", callId).update();
    }

    @Override
    public String nextTrackingCode(int year) {
        long number = jdbc.sql("select nextval('tracking_code_seq')").query(Long.class).single();
        return String.format("GIV-%d-%06d", year, number);
    }

    static CallParameters parameters(ResultSet rs) throws SQLException {
        return new CallParameters(rs.getString("name"), rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), Money.eur(rs.getBigDecimal("budget_eur")),
                Money.eur(rs.getBigDecimal("max_voucher_eur")), rs.getBigDecimal("max_share_percent"),
                rs.getInt("completion_months"), Money.eur(rs.getBigDecimal("min_service_cost_eur")),
                rs.getBigDecimal("max_equipment_share_percent"), Limits.requiredDocuments(rs),
                rs.getInt("information_reply_days"));
    }
}
