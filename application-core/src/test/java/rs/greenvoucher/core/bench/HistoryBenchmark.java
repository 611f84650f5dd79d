package rs.greenvoucher.core.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.application.DecisionEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.Indicator;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.core.CoreIntegrationTest;
import rs.greenvoucher.infra.HttpApi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Not a test: a benchmark. Run with
 * {@code ./mvnw -Pbenchmark -pl application-core -am verify -Dit.test=HistoryBenchmark}.
 * Writes a call's 10,000 applications (and one application with 20 events) straight into the event store, lets the
 * read models catch up, then measures over HTTP: a submission, an application now and as of an instant, its audit trail, the
 * report now and as of an instant (a replay of the whole log), and a what-if over the call
 * ({@code -Dgv.bench.whole-log=false} leaves those two out).
 */
class HistoryBenchmark extends CoreIntegrationTest {

    static final int APPLICATIONS = Integer.getInteger("gv.bench.applications", 10_000);
    static final int RUNS = 7;
    /** The report as of an instant and the what-if read the whole log or call: minutes each at a million events. */
    static final boolean WHOLE_LOG = Boolean.parseBoolean(System.getProperty("gv.bench.whole-log", "true"));

    @Autowired
    Serializer serializer;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void timeTravelAuditReportAsOfAndWhatIf() throws Exception {
        UUID callId = jdbc.sql("select id from scheme_call where name = 'Test call 2026'").query(UUID.class).single();
        byte[] metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        Instant base = Instant.parse("2026-11-02T08:00:00Z");
        List<Object[]> batch = new ArrayList<>();
        long events = 0;
        for (int i = 0; i < APPLICATIONS; i++) {
            UUID id = UUID.randomUUID();
            events += write(batch, id, RebuildBenchmark.history(id, callId, base.plusSeconds(i * 5L), i), metaData);
            if (batch.size() >= 2000) {
                insert(batch);
            }
        }
        // one application with 20 events: submitted, screened, matched, approved, then its report returned eight times
        UUID twenty = UUID.randomUUID();
        List<ApplicationEvent> history = new ArrayList<>(RebuildBenchmark.history(twenty, callId, base, 1).subList(0, 4));
        for (int k = 0; k < 8; k++) {
            Instant t = base.plusSeconds(400_000L + k * 10_000L);
            history.add(new CompletionReported(twenty, new CompletionReport("round " + k, List.of("x"), Money.eur("12000"),
                    List.of(new CompletionReport.IndicatorResult(Indicator.WASTE_REDUCED, "t/year", BigDecimal.valueOf(78)))), t));
            history.add(new CompletionReportReturned(twenty, UUID.randomUUID(), "more, please", "eva", t.plusSeconds(5_000)));
        }
        events += write(batch, twenty, history, metaData);
        insert(batch);
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        for (String group : List.of("reporting", "applicant-view")) {
            awaitCaughtUp(processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow(), head);
        }
        long total = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        System.out.printf("%n=== %d applications, %d events written; %d events in the store%n", APPLICATIONS + 1, events, total);

        String admin = admin();
        // a submission does not read the log: its cost should not grow with it (one applicant, each for a new enterprise)
        String applicant = api.newApplicant("sr");
        measure("POST an application (a new enterprise)", () -> api.post("/api/applications", applicant,
                rs.greenvoucher.infra.TestData.application(rs.greenvoucher.infra.TestData.mb())));
        Instant middle = history.get(10).occurredAt().plusSeconds(1);
        measure("GET an application with 20 events (the live view)", () -> api.get("/api/applications/" + twenty, admin));
        measure("GET the same ?asOf= after its 11th event (rebuilt from its events)", () -> api.get("/api/applications/" + twenty + "?asOf=" + middle, admin));
        measure("GET its audit trail", () -> api.get("/api/applications/" + twenty + "/audit", admin));
        measure("GET the report of the call (live)", () -> api.get("/api/reports/throughput?callId=" + callId, admin));
        if (WHOLE_LOG) {
            measure("GET the report of the call ?asOf= (replays the whole log)", () -> api.get("/api/reports/throughput?callId=" + callId
                    + "&asOf=" + base.plusSeconds(APPLICATIONS * 5L / 2), admin));
            measure("POST a what-if over the call", () -> api.post("/api/reports/what-if", admin,
                    "{\"callId\":\"" + callId + "\",\"budgetEur\":400000,\"maxVoucherEur\":15000}"));
        }
        System.out.println();
    }

    /** The median and the slowest of {@link #RUNS} calls, after one to warm up; each must succeed. */
    private static void measure(String what, Supplier<HttpApi.Response> call) {
        HttpApi.Response first = call.get();
        if (first.status() / 100 != 2) {
            throw new IllegalStateException(what + ": " + first.status() + " " + first.body());
        }
        long[] ms = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            int status = call.get().status();
            ms[r] = (System.nanoTime() - start) / 1_000_000;
            if (status / 100 != 2) {
                throw new IllegalStateException(what + ": " + status);
            }
        }
        Arrays.sort(ms);
        System.out.printf("=== %-75s median %6d ms, slowest %6d ms (%d bytes)%n", what, ms[RUNS / 2], ms[RUNS - 1], first.body().length());
    }

    private long write(List<Object[]> batch, UUID id, List<ApplicationEvent> history, byte[] metaData) {
        for (int seq = 0; seq < history.size(); seq++) {
            ApplicationEvent e = history.get(seq);
            batch.add(RebuildBenchmark.row(serializer, id, seq, e, metaData));
        }
        return history.size();
    }

    private void insert(List<Object[]> batch) {
        RebuildBenchmark.insert(jdbcTemplate, batch);
    }

    private static void awaitCaughtUp(StreamingEventProcessor processor, long head) throws InterruptedException {
        RebuildBenchmark.awaitCaughtUp(processor, head);
    }
}
