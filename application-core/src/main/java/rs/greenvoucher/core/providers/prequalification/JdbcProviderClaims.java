package rs.greenvoucher.core.providers.prequalification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.RuleViolation;

import java.util.UUID;

/**
 * L3 and P3 on PostgreSQL, in the command's transaction: the MB's role through the limits' one home (a voucher's
 * submission for the same MB racing this one waits for it on the role's key and loses, or wins and this loses), then
 * the one application per MB by its key.
 */
@Component
record JdbcProviderClaims(JdbcClient jdbc, Limits limits) implements ProviderClaims {

    @Override
    public void claim(Mb mb, UUID applicationId) {
        limits.claimProviderRole(mb);
        boolean listed = jdbc.sql("select exists(select 1 from provider where mb = :mb)").param("mb", mb.value())
                .query(Boolean.class).single();
        int claimed = listed ? 0 : jdbc.sql("""
                        insert into provider_application_claim (mb, application_id) values (:mb, :id) on conflict (mb) do nothing""")
                .param("mb", mb.value()).param("id", applicationId).update();
        if (claimed == 0) {
            throw RuleViolation.providerAlreadyListed(mb.value());
        }
    }
}
