package rs.greenvoucher.core.providers.prequalification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The PROVIDER accounts in core's account table. */
@Component
record JdbcProviderAccounts(JdbcClient jdbc) implements ProviderAccounts {

    private record Row(String role, boolean verified, String providerCode, boolean applied) {
    }

    @Override
    public void requireUnlinked(UUID accountId) {
        Row row = jdbc.sql("""
                        select role, email_verified_at is not null, provider_code,
                               exists(select 1 from provider_application p where p.account_id = a.id and p.status = 'SUBMITTED')
                        from account a where id = :id for update""")
                .param("id", accountId).query((r, n) -> new Row(r.getString(1), r.getBoolean(2), r.getString(3), r.getBoolean(4)))
                .optional().orElseThrow(Refusal::notFound);
        if (!Roles.PROVIDER.equals(row.role())) {
            throw new Refusal(RefusalCode.FORBIDDEN, "Only a provider's account applies for pre-qualification.");
        }
        if (!row.verified()) {
            throw new Refusal(RefusalCode.EMAIL_NOT_VERIFIED, "Confirm your e-mail address with the link we sent before you apply.");
        }
        if (row.providerCode() != null || row.applied()) {
            throw new Refusal(RefusalCode.INVALID_TRANSITION, row.providerCode() != null
                    ? "This account acts for provider " + row.providerCode() + " already."
                    : "This account's application waits for a decision.", List.of(), List.of(),
                    Map.of("currentStatus", row.providerCode() != null ? "LINKED" : "SUBMITTED"));
        }
    }

    @Override
    public void link(UUID accountId, ProviderCode code) {
        jdbc.sql("update account set provider_code = :code where id = :id").param("code", code.value()).param("id", accountId).update();
    }
}
