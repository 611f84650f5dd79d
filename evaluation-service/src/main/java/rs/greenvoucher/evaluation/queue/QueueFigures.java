package rs.greenvoucher.evaluation.queue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.EnterpriseApplication;
import rs.greenvoucher.api.http.ProviderLoad;
import rs.greenvoucher.api.http.StageCount;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Stage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The queue in figures: open items per stage and by age, an enterprise's applications, each provider's vouchers. */
@Component
record QueueFigures(JdbcClient jdbc, Clock clock) {

    List<StageCount> summary(String me) {
        Map<Stage, StageCount> counts = new EnumMap<>(Stage.class);
        jdbc.sql("""
                        select stage, count(*) as open, count(*) filter (where assignee is null) as unclaimed,
                               count(*) filter (where assignee = :me) as mine, min(enqueued_at) as oldest,
                               count(*) filter (where enqueued_at > cast(:now as timestamptz) - interval '1 day') as d1,
                               count(*) filter (where enqueued_at <= cast(:now as timestamptz) - interval '1 day' and enqueued_at > cast(:now as timestamptz) - interval '3 days') as d3,
                               count(*) filter (where enqueued_at <= cast(:now as timestamptz) - interval '3 days' and enqueued_at > cast(:now as timestamptz) - interval '7 days') as d7,
                               count(*) filter (where enqueued_at <= cast(:now as timestamptz) - interval '7 days' and enqueued_at > cast(:now as timestamptz) - interval '14 days') as d14,
                               count(*) filter (where enqueued_at <= cast(:now as timestamptz) - interval '14 days') as older
                        from work_item where stage is not null and waiting_until is null group by stage""")
                .param("me", me).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new StageCount(Stage.valueOf(rs.getString("stage")), rs.getLong("open"), rs.getLong("unclaimed"),
                        rs.getLong("mine"), instant(rs, "oldest"),
                        rs.getLong("d1"), rs.getLong("d3"), rs.getLong("d7"), rs.getLong("d14"), rs.getLong("older")))
                .list().forEach(c -> counts.put(c.stage(), c));
        List<StageCount> all = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            all.add(counts.getOrDefault(stage, new StageCount(stage, 0, 0, 0, null, 0, 0, 0, 0, 0)));
        }
        return all;
    }

    List<EnterpriseApplication> ofEnterprise(Mb mb) {
        return jdbc.sql("""
                        select application_id, tracking_code, enterprise_name, status, stage, updated_at from work_item
                        where enterprise_mb = :mb order by updated_at desc limit 100""")
                .param("mb", mb.value())
                .query((rs, n) -> new EnterpriseApplication(rs.getObject("application_id", UUID.class), rs.getString("tracking_code"),
                        rs.getString("enterprise_name"), rs.getString("status"),
                        rs.getString("stage") == null ? null : Stage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("updated_at").toInstant())).list();
    }

    List<ProviderLoad> providerLoad() {
        return jdbc.sql("""
                        select p.code, count(*) as n from work_item w cross join lateral jsonb_array_elements_text(w.providers) as p(code)
                        where w.status in ('APPROVED', 'COMPLETION_REPORTED') group by p.code order by p.code""")
                .query((rs, n) -> new ProviderLoad(rs.getString("code"), rs.getLong("n"))).list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
