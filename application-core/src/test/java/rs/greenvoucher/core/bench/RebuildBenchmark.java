package rs.greenvoucher.core.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationScreened;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.application.GreenRole;
import rs.greenvoucher.api.application.Indicator;
import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.application.Region;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.application.StoredEventNames;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.CoreIntegrationTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Not a test: a benchmark. Run with
 * {@code ./mvnw -Pbenchmark -pl application-core -am verify -Dit.test=RebuildBenchmark} ({@code -Dgv.bench.applications=N},
 * 100,000 by default: about 440,000 events). Writes the events of the applications straight into the event store (as
 * Axon would have stored them), lets the projections catch up, then for each of core's projections (the report and the
 * applicants' view) resets its processor and measures the full rebuild, one at a time.
 */
class RebuildBenchmark extends CoreIntegrationTest {

    static final int APPLICATIONS = Integer.getInteger("gv.bench.applications", 100_000);

    @Autowired
    Serializer serializer;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void rebuildEveryProjectionOfCore() throws Exception {
        processing.eventProcessor("kafka-publisher", StreamingEventProcessor.class).orElseThrow().shutDown();
        UUID callId = jdbc.sql("select id from scheme_call where name = 'Test call 2026'").query(UUID.class).single();
        byte[] metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        Instant base = Instant.parse("2026-01-05T08:00:00Z");
        long events = 0;
        List<Object[]> batch = new ArrayList<>();
        Instant writeStart = Instant.now();
        for (int i = 0; i < APPLICATIONS; i++) {
            UUID id = UUID.randomUUID();
            Instant t = base.plusSeconds(i * 120L);
            List<ApplicationEvent> history = history(id, callId, t, i);
            for (int seq = 0; seq < history.size(); seq++) {
                ApplicationEvent e = history.get(seq);
                batch.add(row(serializer, id, seq, e, metaData));
                events++;
            }
            if (batch.size() >= 2000) {
                insert(batch);
            }
        }
        insert(batch);
        System.out.printf("%n=== wrote %d events of %d applications in %d s%n", events, APPLICATIONS,
                Duration.between(writeStart, Instant.now()).toSeconds());
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        long total = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        for (String group : List.of("reporting", "applicant-view")) {
            awaitCaughtUp(processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow(), head);
        }
        for (String group : List.of("reporting", "applicant-view")) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            Instant start = Instant.now();
            processor.start();
            awaitCaughtUp(processor, head);
            Duration rebuild = Duration.between(start, Instant.now());
            System.out.printf("=== full rebuild of %s (%d segments): %d events (%d applications) in %.1f s = %.0f events/s%n",
                    group, processor.processingStatus().size(), total, APPLICATIONS, rebuild.toMillis() / 1000.0,
                    total * 1000.0 / rebuild.toMillis());
        }
        System.out.println();
    }

    void insert(List<Object[]> batch) {
        insert(jdbcTemplate, batch);
    }

    /** An event's row in the event table, as Axon stores it (its payload's revision too, so upcasters run only where they would). */
    static Object[] row(Serializer serializer, UUID applicationId, int sequence, ApplicationEvent e, byte[] metaData) {
        SerializedObject<byte[]> payload = serializer.serialize(e, byte[].class);
        return new Object[]{UUID.randomUUID().toString(), applicationId.toString(), sequence, "VoucherApplication",
                e.occurredAt().toString(), StoredEventNames.of(e.getClass()), payload.getType().getRevision(), payload.getData(), metaData};
    }

    /** Writes rows straight into the event table, as Axon would have stored them. */
    static void insert(JdbcTemplate jdbcTemplate, List<Object[]> batch) {
        jdbcTemplate.batchUpdate("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        batch.clear();
    }

    static void awaitCaughtUp(StreamingEventProcessor processor, long head) throws InterruptedException {
        while (true) {
            var status = processor.processingStatus();
            if (!status.isEmpty() && status.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            Thread.sleep(200); // a benchmark polling for completion, not a test
        }
    }

    static List<ApplicationEvent> history(UUID id, UUID callId, Instant t, int i) {
        ApplicationForm form = new ApplicationForm(
                new ApplicationForm.Enterprise(new Mb("20084693"), new Pib("101134702"), "Enterprise " + i, "Address",
                        Region.values()[i % 4], new NaceCode(i % 3 == 0 ? "22.22" : i % 3 == 1 ? "62.01" : "38.32"),
                        LocalDate.parse("2015-03-01"), Ownership.PRIVATE_DOMESTIC, 42, Money.eur("3100000"), Money.eur("2500000"),
                        GreenRole.END_USER, "Ana Petrović", "ana@example.rs"),
                new ApplicationForm.Project("Project " + i, "Description", List.of(new ApplicationForm.Service(ServiceType.PROTOTYPING,
                        "Prototype", Money.eur("12000"), null)), LocalDate.parse("2027-02-01"),
                        List.of(new ApplicationForm.IndicatorTarget(Indicator.WASTE_REDUCED, "t/year", BigDecimal.valueOf(120), BigDecimal.valueOf(80))),
                        Money.eur("10800"), null),
                List.of(new ProviderCode(String.format("%02d", 1 + i % 68))), new ApplicationForm.Declarations(true, true, true, true));
        List<ApplicationEvent> events = new ArrayList<>();
        events.add(new ApplicationSubmitted(id, "GIV-2026-" + i, callId, "bench", form, t, "sr", null));
        if (i % 5 == 0) {
            events.add(new ApplicationRejected(id, UUID.randomUUID(), Stage.SCREENING, List.of(RuleCode.E6), "", null, "eva", t.plusSeconds(86_400)));
            return events;
        }
        events.add(new ApplicationScreened(id, UUID.randomUUID(), List.of(), "", "eva", t.plusSeconds(86_400)));
        events.add(new ProvidersMatched(id, UUID.randomUUID(), List.of(new ProviderCode("12")), "", "eva", t.plusSeconds(172_800)));
        events.add(new VoucherApproved(id, UUID.randomUUID(), callId, Money.eur("100"), LocalDate.parse("2027-01-01"),
                new Scores(4, 4, 4), "", "committee", t.plusSeconds(259_200)));
        if (i % 2 == 0) {
            events.add(new CompletionReported(id, new CompletionReport("done", List.of("x"), Money.eur("12000"),
                    List.of(new CompletionReport.IndicatorResult(Indicator.WASTE_REDUCED, "t/year", BigDecimal.valueOf(78)))), t.plusSeconds(2_592_000)));
            events.add(new VoucherCompleted(id, UUID.randomUUID(), Money.eur("100"), "", "eva", t.plusSeconds(2_678_400)));
        }
        return events;
    }
}
