package rs.greenvoucher.core.providers.prequalification;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.ProviderApplicationView;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationApproved;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationRefused;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationSubmitted;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.core.limits.LimitsConfiguration;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The applications as the ADMIN's list and the organisation's page read them, and L3's release and fixing, written in
 * the command's transaction (the limits' subscribing group): a refusal frees the MB for a voucher, an approval makes it
 * a provider for ever.
 */
@Component
@ProcessingGroup(LimitsConfiguration.GROUP)
record ProviderApplicationTable(JdbcClient jdbc) {

    @EventHandler
    void on(ProviderApplicationSubmitted event) {
        var o = event.organisation();
        jdbc.sql("""
                        insert into provider_application (id, account_id, name, mb, pib, kind, city, expertise, refs, status, submitted_at)
                        values (:id, :account, :name, :mb, :pib, :kind, :city, :expertise, :refs, 'SUBMITTED', :at)
                        on conflict (id) do nothing""")
                .param("id", event.applicationId()).param("account", event.accountId()).param("name", o.name())
                .param("mb", o.mb().value()).param("pib", o.pib().value()).param("kind", o.kind().name()).param("city", o.city())
                .param("expertise", o.expertise()).param("refs", o.references().toArray(String[]::new))
                .param("at", Timestamp.from(event.occurredAt())).update();
    }

    @EventHandler
    void on(ProviderApplicationApproved event) {
        jdbc.sql("""
                        update provider_application set status = 'APPROVED', decided_at = :at, decided_by = :by, provider_code = :code,
                            note = :note where id = :id""")
                .param("id", event.applicationId()).param("at", Timestamp.from(event.occurredAt())).param("by", event.by())
                .param("code", event.code().value()).param("note", event.note()).update();
        jdbc.sql("""
                        update enterprise_role set fixed_at = :at
                        where mb = (select mb from provider_application where id = :id) and fixed_at is null""")
                .param("id", event.applicationId()).param("at", Timestamp.from(event.occurredAt())).update();
    }

    @EventHandler
    void on(ProviderApplicationRefused event) {
        jdbc.sql("""
                        update provider_application set status = 'REFUSED', decided_at = :at, decided_by = :by,
                            rule_codes = :rules, reason = :reason where id = :id""")
                .param("id", event.applicationId()).param("at", Timestamp.from(event.occurredAt())).param("by", event.by())
                .param("rules", event.ruleCodes().stream().map(Enum::name).toArray(String[]::new)).param("reason", event.reason())
                .update();
        // L3 and P3: the MB may apply for a voucher, or to be a provider, again (unless it is on the list otherwise)
        jdbc.sql("""
                        delete from enterprise_role where role = 'PROVIDER' and fixed_at is null
                          and mb = (select mb from provider_application where id = :id)
                          and not exists (select 1 from provider p where p.mb = enterprise_role.mb)""")
                .param("id", event.applicationId()).update();
        jdbc.sql("delete from provider_application_claim where application_id = :id").param("id", event.applicationId()).update();
    }

    List<ProviderApplicationView> withStatus(String status) {
        return jdbc.sql("""
                        select * from provider_application where cast(:status as varchar) is null or status = :status
                        order by submitted_at limit 500""")
                .param("status", status).query(ProviderApplicationTable::view).list();
    }

    List<ProviderApplicationView> ofAccount(UUID accountId) {
        return jdbc.sql("select * from provider_application where account_id = :a order by submitted_at desc")
                .param("a", accountId).query(ProviderApplicationTable::view).list();
    }

    Optional<ProviderApplicationView> byId(UUID id) {
        return jdbc.sql("select * from provider_application where id = :id").param("id", id).query(ProviderApplicationTable::view).optional();
    }

    Optional<UUID> accountOf(UUID id) {
        return jdbc.sql("select account_id from provider_application where id = :id").param("id", id).query(UUID.class).optional();
    }

    private static ProviderApplicationView view(ResultSet r, int n) throws SQLException {
        Timestamp decided = r.getTimestamp("decided_at");
        return new ProviderApplicationView(r.getObject("id", UUID.class), r.getString("name"), r.getString("mb"), r.getString("pib"),
                ProviderKind.valueOf(r.getString("kind")), r.getString("city"), r.getString("expertise"), strings(r.getArray("refs")),
                r.getString("status"), r.getTimestamp("submitted_at").toInstant(), decided == null ? null : decided.toInstant(),
                r.getString("decided_by"), r.getString("provider_code"), strings(r.getArray("rule_codes")), r.getString("reason"),
                r.getString("note"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
