package rs.greenvoucher.core.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.http.ThroughputReport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every figure of the report in SQL over the reporting tables, in one read-only snapshot. */
@Component
class ReportQueries {

    /** The applications in the filter: submitted between from and to (dates in Serbia, inclusive), in the call. */
    private static final String FILTERED = """
            with app as (select * from report_application
                         where (cast(:from as date) is null or (submitted_at at time zone :zone)::date >= cast(:from as date))
                           and (cast(:to as date) is null or (submitted_at at time zone :zone)::date <= cast(:to as date))
                           and (cast(:call as uuid) is null or call_id = cast(:call as uuid)))
            """;

    private static final String[][] STAGES = {
            {"SCREENING", "submitted_at", "screened_at"},
            {"PROVIDER_MATCHING", "screened_at", "matched_at"},
            {"COMMITTEE", "matched_at", "approved_at"},
            {"IMPLEMENTATION", "approved_at", "completion_reported_at"},
            {"COMPLETION_VERIFICATION", "completion_reported_at", "completed_at"}};

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Median and 90th percentile of the time each stage took, over the applications that have passed it. */
    @Transactional(readOnly = true)
    public List<ThroughputReport.StageTime> stageTimes(LocalDate from, LocalDate to, UUID callId) {
        List<ThroughputReport.StageTime> stageTimes = new java.util.ArrayList<>();
        for (String[] stage : STAGES) {
            // column names come from STAGES above, never from a request
            stageTimes.add(sql("select count(*) as n,"
                    + " percentile_cont(0.5) within group (order by extract(epoch from " + stage[2] + " - " + stage[1] + ")) as p50,"
                    + " percentile_cont(0.9) within group (order by extract(epoch from " + stage[2] + " - " + stage[1] + ")) as p90"
                    + " from app where " + stage[2] + " is not null and " + stage[1] + " is not null", from, to, callId)
                    .query((rs, n) -> new ThroughputReport.StageTime(stage[0], rs.getLong("n"), hours(rs.getObject("p50")),
                            hours(rs.getObject("p90")))).single());
        }
        return stageTimes;
    }

    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public ThroughputReport report(LocalDate from, LocalDate to, UUID callId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (var status : rs.greenvoucher.api.value.ApplicationStatus.values()) {
            counts.put(status.name(), 0L);
        }
        sql("select status, count(*) as n from app group by status", from, to, callId)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));

        ThroughputReport.Funnel funnel = sql("""
                        select count(*) as submitted, count(screened_at) as screened, count(matched_at) as matched,
                               count(approved_at) as approved, count(completed_at) as completed from app""", from, to, callId)
                .query((rs, n) -> new ThroughputReport.Funnel(rs.getLong("submitted"), rs.getLong("screened"),
                        rs.getLong("matched"), rs.getLong("approved"), rs.getLong("completed"))).single();

        List<ThroughputReport.StageTime> stageTimes = stageTimes(from, to, callId);

        List<ThroughputReport.Week> weeks = sql("""
                        select w, sum(s) as submissions, sum(a) as approvals, coalesce(sum(eur), 0) as approved_eur from (
                            select date_trunc('week', submitted_at at time zone :zone)::date as w, 1 as s, 0 as a, null::numeric as eur from app
                            union all
                            select date_trunc('week', approved_at at time zone :zone)::date, 0, 1, approved_eur from app where approved_at is not null
                        ) x group by w order by w""", from, to, callId)
                .query((rs, n) -> new ThroughputReport.Week(rs.getObject("w", LocalDate.class), rs.getLong("submissions"),
                        rs.getLong("approvals"), money(rs.getBigDecimal("approved_eur")))).list();

        List<ThroughputReport.Breakdown> byRegion = breakdown("region", "region", from, to, callId);
        List<ThroughputReport.Breakdown> byNace = breakdown("nace_section", "nace_section", from, to, callId);
        List<ThroughputReport.Breakdown> byProvider = sql("""
                        select p.code as key, coalesce(pr.name, p.code) as name, count(*) as submitted, count(app.approved_at) as approved,
                               coalesce(sum(app.approved_eur) filter (where app.approved_at is not null and app.expired_at is null), 0) as approved_eur
                        from app cross join lateral unnest(app.providers) as p(code) left join provider pr on pr.code = p.code
                        group by p.code, pr.name order by p.code""", from, to, callId)
                .query((rs, n) -> new ThroughputReport.Breakdown(rs.getString("key"), rs.getString("name"), rs.getLong("submitted"),
                        rs.getLong("approved"), money(rs.getBigDecimal("approved_eur")))).list();

        // committed, paid and remaining are the call's, whatever the dates filter; the filtered applications' share beside them
        List<ThroughputReport.CallMoney> money = sql("""
                        , m as (select call_id, application_id,
                                          sum(amount_eur) filter (where kind = 'INVOICED') as invoiced,
                                          sum(case kind when 'APPROVED' then amount_eur when 'RELEASED' then -amount_eur end) as approved,
                                          sum(amount_eur) filter (where kind = 'PAID') as paid
                                   from report_money group by call_id, application_id)
                        select c.id, c.name, c.budget_eur,
                               coalesce((select sum(a.approved_eur) from report_application a where a.call_id = c.id
                                         and a.status in ('APPROVED', 'COMPLETION_REPORTED', 'COMPLETED')), 0) as committed,
                               coalesce((select sum(a.approved_eur) from report_application a where a.call_id = c.id
                                         and a.status in ('APPROVED', 'COMPLETION_REPORTED', 'COMPLETED')
                                         and a.id in (select id from app)), 0) as committed_in_filter,
                               coalesce((select sum(a.paid_eur) from report_application a where a.call_id = c.id), 0) as due,
                               coalesce((select sum(m.invoiced) from m where m.call_id = c.id), 0) as invoiced,
                               coalesce((select sum(m.approved) from m where m.call_id = c.id), 0) as approved_for_payment,
                               coalesce((select sum(m.paid) from m where m.call_id = c.id), 0) as paid,
                               coalesce((select sum(m.paid) from m where m.call_id = c.id
                                         and m.application_id in (select id from app)), 0) as paid_in_filter
                        from scheme_call c
                        where cast(:call as uuid) is null or c.id = cast(:call as uuid)
                        order by c.opens_on""", from, to, callId)
                .query((rs, n) -> new ThroughputReport.CallMoney(rs.getObject("id", UUID.class), rs.getString("name"),
                        money(rs.getBigDecimal("budget_eur")), money(rs.getBigDecimal("committed")), money(rs.getBigDecimal("paid")),
                        money(rs.getBigDecimal("budget_eur").subtract(rs.getBigDecimal("committed"))),
                        money(rs.getBigDecimal("committed_in_filter")), money(rs.getBigDecimal("paid_in_filter")),
                        money(rs.getBigDecimal("due")), money(rs.getBigDecimal("invoiced")),
                        money(rs.getBigDecimal("approved_for_payment")))).list();

        List<ThroughputReport.ProviderMoney> providerMoney = sql("""
                        , named as (select a.call_id, p.code, sum(a.approved_eur) as committed
                                       from report_application a cross join lateral unnest(a.providers) as p(code)
                                       where a.status in ('APPROVED', 'COMPLETION_REPORTED', 'COMPLETED')
                                       group by a.call_id, p.code),
                             m as (select call_id, provider_code as code,
                                          sum(amount_eur) filter (where kind = 'INVOICED') as invoiced,
                                          sum(case kind when 'APPROVED' then amount_eur when 'RELEASED' then -amount_eur end) as approved,
                                          sum(amount_eur) filter (where kind = 'PAID') as paid
                                   from report_money group by call_id, provider_code)
                        select coalesce(n.call_id, m.call_id) as call_id, coalesce(n.code, m.code) as code, pr.name,
                               coalesce(n.committed, 0) as committed, coalesce(m.invoiced, 0) as invoiced,
                               coalesce(m.approved, 0) as approved, coalesce(m.paid, 0) as paid
                        from named n full join m on m.call_id = n.call_id and m.code = n.code
                             left join provider pr on pr.code = coalesce(n.code, m.code)
                        where cast(:call as uuid) is null or coalesce(n.call_id, m.call_id) = cast(:call as uuid)
                        order by 1, 2""", from, to, callId)
                .query((rs, n) -> new ThroughputReport.ProviderMoney(rs.getObject("call_id", UUID.class), rs.getString("code"),
                        rs.getString("name"), money(rs.getBigDecimal("committed")), money(rs.getBigDecimal("invoiced")),
                        money(rs.getBigDecimal("approved")), money(rs.getBigDecimal("paid")))).list();

        List<ThroughputReport.IndicatorSum> environment = sql("""
                        select i.indicator, i.unit, count(*) as n, coalesce(sum(i.baseline), 0) as baseline,
                               coalesce(sum(i.target), 0) as target, coalesce(sum(i.result), 0) as result
                        from app join report_indicator i on i.application_id = app.id
                        group by i.indicator, i.unit order by i.indicator, i.unit""", from, to, callId)
                .query((rs, n) -> new ThroughputReport.IndicatorSum(rs.getString("indicator"), rs.getString("unit"), rs.getLong("n"),
                        rs.getBigDecimal("baseline").stripTrailingZeros(), rs.getBigDecimal("target").stripTrailingZeros(),
                        rs.getBigDecimal("result").stripTrailingZeros())).list();

        List<ThroughputReport.Rejection> rejections = sql("""
                        select coalesce(rejected_stage, 'UNKNOWN') as stage, coalesce(r.rule, 'none') as rule, count(*) as n
                        from app left join lateral unnest(app.rejection_rules) as r(rule) on true
                        where app.rejected_at is not null group by 1, 2 order by 1, 2""", from, to, callId)
                .query((rs, n) -> new ThroughputReport.Rejection(rs.getString("stage"), rs.getString("rule"), rs.getLong("n"))).list();

        return new ThroughputReport(new ThroughputReport.Filter(from, to, callId), counts, funnel, stageTimes, weeks,
                byRegion, byNace, byProvider, money, environment, rejections, providerMoney);
    }

    private List<ThroughputReport.Breakdown> breakdown(String column, String nameColumn, LocalDate from, LocalDate to, UUID callId) {
        return sql("select " + column + " as key, " + nameColumn + " as name, count(*) as submitted, count(approved_at) as approved,"
                + " coalesce(sum(approved_eur) filter (where approved_at is not null and expired_at is null), 0) as approved_eur"
                + " from app group by " + column + ", " + nameColumn + " order by " + column, from, to, callId)
                .query((rs, n) -> new ThroughputReport.Breakdown(rs.getString("key"), rs.getString("name"), rs.getLong("submitted"),
                        rs.getLong("approved"), money(rs.getBigDecimal("approved_eur")))).list();
    }

    private JdbcClient.StatementSpec sql(String query, LocalDate from, LocalDate to, UUID callId) {
        return jdbc.sql(FILTERED + query).param("from", from).param("to", to).param("call", callId)
                .param("zone", SchemeRules.ZONE.getId());
    }

    private static BigDecimal hours(Object seconds) {
        return seconds == null ? null : new BigDecimal(seconds.toString()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
