package rs.greenvoucher.core.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.kafka.ApplicationMessage.CallMoneyRules;
import rs.greenvoucher.api.kafka.ProviderContact;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;

import java.util.Arrays;
import java.util.List;


/**
 * The enrichment: what a payload needs from core's own tables. The enterprise's MB of every application is kept in
 * {@code publisher_application} (written when the submission is published, so a replay finds it again); the call's
 * money rules and the providers' names are read as they are now.
 */
@Component
record PayloadLookups(JdbcClient jdbc) {

    EventPayload.Lookups forEvent(ApplicationEvent event) {
        if (event instanceof ApplicationSubmitted submitted) {
            String mb = submitted.form().enterprise().mb().value();
            jdbc.sql("""
                            insert into publisher_application (application_id, enterprise_mb, providers) values (:id, :mb, :providers)
                            on conflict do nothing""")
                    .param("id", event.applicationId()).param("mb", mb)
                    .param("providers", submitted.form().providerCodes().stream().map(ProviderCode::value).toArray(String[]::new))
                    .update();
            return new EventPayload.Lookups(mb, callParameters(submitted), this::providerName, this::contact, List.of());
        }
        if (event instanceof ProvidersMatched matched) {
            jdbc.sql("update publisher_application set providers = :providers where application_id = :id")
                    .param("id", event.applicationId())
                    .param("providers", matched.providerCodes().stream().map(ProviderCode::value).toArray(String[]::new)).update();
        }
        record Row(String mb, List<String> providers) {
        }
        Row row = jdbc.sql("select enterprise_mb, providers from publisher_application where application_id = :id")
                .param("id", event.applicationId())
                .query((rs, n) -> new Row(rs.getString(1), rs.getArray(2) == null ? List.of()
                        : Arrays.asList((String[]) rs.getArray(2).getArray()))).single();
        return new EventPayload.Lookups(row.mb(), null, this::providerName, this::contact, row.providers());
    }

    /** A provider and its PROVIDER accounts' confirmed, enabled work addresses, as they are now. */
    private ProviderContact contact(String code) {
        List<ProviderContact.Person> people = jdbc.sql("""
                        select email, preferred_language from account
                        where provider_code = :code and role = 'PROVIDER' and email is not null
                          and email_verified_at is not null and disabled_at is null order by created_at""")
                .param("code", code)
                .query((rs, n) -> new ProviderContact.Person(rs.getString(1), rs.getString(2))).list();
        return new ProviderContact(code, providerName(new ProviderCode(code)), people);
    }

    private CallMoneyRules callParameters(ApplicationSubmitted submitted) {
        return jdbc.sql("""
                        select name, max_voucher_eur, max_share_percent, min_service_cost_eur, max_equipment_share_percent,
                               completion_months
                        from scheme_call where id = :id""")
                .param("id", submitted.callId())
                .query((rs, n) -> new CallMoneyRules(rs.getString("name"), Money.eur(rs.getBigDecimal("max_voucher_eur")),
                        rs.getBigDecimal("max_share_percent"), Money.eur(rs.getBigDecimal("min_service_cost_eur")),
                        rs.getBigDecimal("max_equipment_share_percent"), rs.getInt("completion_months")))
                .single();
    }

    private String providerName(ProviderCode code) {
        return jdbc.sql("select name from provider where code = :code").param("code", code.value())
                .query(String.class).optional().orElse(code.value());
    }

    /** A replay from the first event starts from nothing. */
    void forget() {
        jdbc.sql("delete from publisher_application").update();
    }
}
