package rs.greenvoucher.core.calls;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.call.CallEvent.CallCreated;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.limits.LimitsConfiguration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The calls and their budgets, written in the transaction of the call's event (the limits group), and read. */
@Component
@ProcessingGroup(LimitsConfiguration.GROUP)
record CallTable(JdbcClient jdbc) {

    List<CallView> all() {
        return jdbc.sql("select * from scheme_call order by opens_on desc").query((rs, n) -> new CallView(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), rs.getBigDecimal("budget_eur"), rs.getBigDecimal("committed_eur"),
                rs.getBigDecimal("max_voucher_eur"), rs.getBigDecimal("max_share_percent"), rs.getInt("completion_months"),
                rs.getBigDecimal("min_service_cost_eur"), rs.getBigDecimal("max_equipment_share_percent"),
                Limits.requiredDocuments(rs), rs.getInt("information_reply_days"))).list();
    }

    /** Whether another call is open on any of these days (one call at a time). */
    boolean overlapsAny(LocalDate opens, LocalDate closes) {
        return jdbc.sql("""
                        select exists(select 1 from scheme_call
                                      where daterange(opens_on, closes_on, '[]') && daterange(:opens, :closes, '[]'))""")
                .param("opens", opens).param("closes", closes).query(Boolean.class).single();
    }

    @EventHandler
    void on(CallCreated event) {
        CallParameters p = event.parameters();
        jdbc.sql("""
                        insert into scheme_call (id, name, opens_on, closes_on, budget_eur, max_voucher_eur, max_share_percent,
                            completion_months, min_service_cost_eur, max_equipment_share_percent, required_documents,
                            information_reply_days, created_at)
                        values (:id, :name, :opens, :closes, :budget, :maxVoucher, :share, :months, :minCost, :equipment,
                            cast(:documents as varchar(32)[]), :replyDays, :at)""")
                .param("id", event.callId()).param("name", p.name()).param("opens", p.opensOn()).param("closes", p.closesOn())
                .param("budget", p.budgetEur().amount()).param("maxVoucher", p.maxVoucherEur().amount())
                .param("share", p.maxSharePercent()).param("months", p.completionMonths())
                .param("minCost", p.minServiceCostEur().amount()).param("equipment", p.maxEquipmentSharePercent())
                .param("documents", "{" + String.join(",", p.requiredDocuments().stream().map(Enum::name).toList()) + "}")
                .param("replyDays", p.informationReplyDays()).param("at", java.sql.Timestamp.from(event.occurredAt()))
                .update();
    }
}
