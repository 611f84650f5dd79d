package rs.greenvoucher.core.calls;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.call.CallEvent.CallCreated;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.core.limits.LimitsConfiguration;

/** The calls and their budgets, written in the transaction of the call's event (the limits group). */
@Component
@ProcessingGroup(LimitsConfiguration.GROUP)
class CallTable {

    private final JdbcClient jdbc;

    CallTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CallCreated event) {
        CallParameters p = event.parameters();
        jdbc.sql("""
                        insert into scheme_call (id, name, opens_on, closes_on, budget_eur, max_voucher_eur, max_share_percent,
                            completion_months, min_service_cost_eur, max_equipment_share_percent, created_at)
                        values (:id, :name, :opens, :closes, :budget, :maxVoucher, :share, :months, :minCost, :equipment, :at)""")
                .param("id", event.callId()).param("name", p.name()).param("opens", p.opensOn()).param("closes", p.closesOn())
                .param("budget", p.budgetEur().amount()).param("maxVoucher", p.maxVoucherEur().amount())
                .param("share", p.maxSharePercent()).param("months", p.completionMonths())
                .param("minCost", p.minServiceCostEur().amount()).param("equipment", p.maxEquipmentSharePercent())
                .param("at", java.sql.Timestamp.from(event.occurredAt()))
                .update();
    }
}
