package rs.greenvoucher.core.providers;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.ProviderView;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderDeactivated;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderQualified;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderReactivated;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.core.limits.LimitsConfiguration;

import java.util.List;

/** The provider table P1 is checked against, written in the same transaction as the registry's events, and read. */
@Component
@ProcessingGroup(LimitsConfiguration.GROUP)
record ProviderTable(JdbcClient jdbc) {

    List<ProviderView> all() {
        return jdbc.sql("select * from provider order by code").query((rs, n) -> new ProviderView(rs.getString("code"),
                rs.getString("name"), ProviderKind.valueOf(rs.getString("kind")), rs.getString("city"),
                rs.getBoolean("active"), rs.getString("mb"))).list();
    }

    @EventHandler
    void on(ProviderQualified event) {
        jdbc.sql("""
                        insert into provider (code, name, kind, city, mb, active, initial_list, qualified_at)
                        values (:code, :name, :kind, :city, :mb, true, :initial, :at)""")
                .param("code", event.code().value()).param("name", event.name()).param("kind", event.kind().name())
                .param("city", event.city()).param("mb", event.mb() == null ? null : event.mb().value())
                .param("initial", event.initialList()).param("at", java.sql.Timestamp.from(event.occurredAt()))
                .update();
    }

    @EventHandler
    void on(ProviderDeactivated event) {
        jdbc.sql("update provider set active = false where code = :code").param("code", event.code().value()).update();
    }

    @EventHandler
    void on(ProviderReactivated event) {
        jdbc.sql("update provider set active = true where code = :code").param("code", event.code().value()).update();
    }
}
