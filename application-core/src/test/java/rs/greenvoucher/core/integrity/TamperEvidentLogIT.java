package rs.greenvoucher.core.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import rs.greenvoucher.core.CoreIntegrationTest;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.infra.TestInfrastructure;
import rs.greenvoucher.logverifier.Finding;
import rs.greenvoucher.logverifier.JdbcLogSource;
import rs.greenvoucher.logverifier.LogJson;
import rs.greenvoucher.logverifier.Report;
import rs.greenvoucher.logverifier.Verifier;
import rs.greenvoucher.logverifier.VerifyLog;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper-evident log on real PostgreSQL (docs/adr/0030), in a database of its own so that what other tests do to
 * their stored events on purpose (SealingIT, ProviderSeederIT) is not a finding here: sealed while submissions race,
 * signed, published, exported, checked by the auditor's verifier, and found out when one byte of one event changes or
 * an event is deleted; crypto-shredding leaves it intact.
 */
// a database of its own makes it a context of its own; closed after the class, so that its instance of core does not
// go on sharing the consumer groups (and so the decisions) of the shared context's tests on the same broker
@org.springframework.test.annotation.DirtiesContext
class TamperEvidentLogIT extends CoreIntegrationTest {

    /**
     * Spring runs the base's registration after this one, so the URL is given to Hikari itself, which Spring Boot binds
     * after the data source's own URL (and Flyway and everything else use that data source).
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        var pg = TestInfrastructure.postgres();
        pg.createDatabase("gv_core_log");
        registry.add("spring.datasource.hikari.jdbc-url", () -> pg.jdbcUrl("gv_core_log"));
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    LogSealer sealer;

    @Test
    void everyEventIsSealedOnceWhileSubmissionsAndHeadsRaceAndTheLogVerifies(@TempDir Path dir) throws Exception {
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("gv_core_log");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        String admin = admin();
        for (int i = 0; i < 12; i++) {
            String applicant = api.newApplicant("en");
            answers.add(pool.submit(() -> api.post("/api/applications", applicant, TestData.application(TestData.mb()))));
            answers.add(pool.submit((Callable<Response>) () -> api.post("/api/admin/log/heads", admin, "")));
        }
        for (Future<Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().body()).isIn(200, 201);
        }
        pool.shutdown();

        Response head = api.post("/api/admin/log/heads", admin, "");
        assertThat(head.status()).as(head.body()).isIn(200, 201);
        long events = eventCount();
        assertThat(head.json().get("position").asLong()).isEqualTo(events);
        assertThat(head.json().get("events").asLong()).isEqualTo(events);
        assertThat(head.json().get("daily").asBoolean()).isFalse();
        assertThat(api.post("/api/admin/log/heads", admin, "").status()).isEqualTo(200); // nothing new: the same head
        // each event once, the positions 1..n without a hole
        assertThat(jdbc.sql("select count(distinct global_index), min(position), max(position) from log_chain")
                .query((r, n) -> List.of(r.getLong(1), r.getLong(2), r.getLong(3))).single()).containsExactly(events, 1L, events);

        Response published = api.get("/api/log/heads", null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("heads").get(published.json().get("heads").size() - 1).get("statement").asString())
                .contains("position: " + events + "\n").contains("format: gv-log/1");
        Path heads = Files.writeString(dir.resolve("heads.json"), published.body());
        Path key = Files.writeString(dir.resolve("key.pem"), published.json().get("keys").get(0).get("publicKey").asString());

        Report report = verify(published.json());
        assertThat(report.findings()).isEmpty();
        assertThat(report.entries()).isEqualTo(events);
        assertThat(report.headsVerified()).isEqualTo(published.json().get("heads").size());

        // the export, checked offline by the auditor's command against the published heads and key
        var export = api.download("/api/admin/log/export", admin);
        assertThat(export.statusCode()).isEqualTo(200);
        Path file = Files.write(dir.resolve("log.jsonl"), export.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyLog.run(new String[]{"--export", file.toString(), "--heads", heads.toString(), "--key", key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(events + " events in the chain").contains("INTACT");
        assertThat(exit).isZero();
        assertThat(api.get("/api/admin/log/export", api.newApplicant("sr")).status()).isEqualTo(403);
    }

    @Test
    void oneChangedByteOfOneStoredEventIsNamed() throws Exception {
        String applicant = api.newApplicant("sr");
        String id = api.post("/api/applications", applicant, TestData.application(TestData.mb())).json().get("id").asString();
        JsonNode published = signedHeads();
        long index = jdbc.sql("select global_index from domain_event_entry where aggregate_identifier = :id and sequence_number = 0")
                .param("id", id).query(Long.class).single();
        flipByte(index);
        try {
            Report report = verify(published);
            assertThat(report.first().kind()).isEqualTo(Finding.Kind.EVENT_ALTERED);
            assertThat(report.first().globalIndex()).isEqualTo(index);
            assertThat(report.first().aggregateIdentifier()).isEqualTo(id);
            assertThat(report.findings()).extracting(Finding::kind).contains(Finding.Kind.HEAD_MISMATCH);
        } finally {
            flipByte(index);
        }
        assertThat(verify(published).findings()).isEmpty();
    }

    @Test
    void aDeletedEventIsNamed() throws Exception {
        String applicant = api.newApplicant("sr");
        String id = api.post("/api/applications", applicant, TestData.application(TestData.mb())).json().get("id").asString();
        JsonNode published = signedHeads();
        Map<String, Object> row = jdbc.sql("select * from domain_event_entry where aggregate_identifier = :id and sequence_number = 0")
                .param("id", id).query().singleRow();
        long index = ((Number) row.get("global_index")).longValue();
        jdbc.sql("delete from domain_event_entry where global_index = :g").param("g", index).update();
        try {
            Report report = verify(published);
            assertThat(report.first().kind()).isEqualTo(Finding.Kind.EVENT_MISSING);
            assertThat(report.first().globalIndex()).isEqualTo(index);
        } finally {
            var insert = jdbc.sql("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (:global_index, :event_identifier, :aggregate_identifier, :sequence_number, :type, :time_stamp,
                        :payload_type, :payload_revision, :payload, :meta_data)""");
            for (var column : row.entrySet()) {
                insert = insert.param(column.getKey(), column.getValue());
            }
            insert.update();
        }
        assertThat(verify(published).findings()).isEmpty();
    }

    @Test
    void erasingAnApplicantsPersonalDataLeavesTheLogIntact() throws Exception {
        String applicant = api.newApplicant("en");
        String id = api.post("/api/applications", applicant, TestData.application(TestData.mb())).json().get("id").asString();
        assertThat(api.post("/api/applications/" + id + "/withdraw", applicant, "{}").status()).isEqualTo(200);
        JsonNode before = signedHeads();
        String account = org.awaitility.Awaitility.await().until(() -> jdbc.sql("select applicant_id from application_view where id = :id")
                .param("id", java.util.UUID.fromString(id)).query(String.class).optional(), java.util.Optional::isPresent).get();

        Response erased = api.post("/api/accounts/" + account + "/erasure", admin(), "{\"reason\":\"Request 2033/1\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        JsonNode after = signedHeads();
        assertThat(after.get("heads").size()).isGreaterThan(before.get("heads").size());
        Report report = verify(after);
        assertThat(report.findings()).isEmpty();
        assertThat(report.headsVerified()).isEqualTo(after.get("heads").size()); // the heads signed before the erasure hold
    }

    @Test
    void theSealersRoundSignsOneHeadADayWithoutBeingAsked() {
        api.post("/api/applications", api.newApplicant("sr"), TestData.application(TestData.mb()));
        java.time.Instant later = DEFAULT_NOW.plus(java.time.Duration.ofDays(40)); // a day no head was signed on
        clock.set(later);
        sealer.round();
        sealer.round(); // the same day: nothing more
        List<JsonNode> thatDay = new ArrayList<>();
        api.get("/api/log/heads", null).json().get("heads").forEach(h -> {
            if (h.get("daily").asBoolean() && rs.greenvoucher.api.SchemeRules.day(java.time.Instant.parse(h.get("signedAt").asString()))
                    .equals(rs.greenvoucher.api.SchemeRules.day(later))) {
                thatDay.add(h);
            }
        });
        assertThat(thatDay).hasSize(1);
        assertThat(thatDay.get(0).get("position").asLong()).isEqualTo(
                jdbc.sql("select max(position) from log_chain").query(Long.class).single());
    }

    /** A head at the log's end now, and the published heads with it. */
    private JsonNode signedHeads() {
        assertThat(api.post("/api/admin/log/heads", admin(), "").status()).isIn(200, 201);
        return api.get("/api/log/heads", null).json();
    }

    /** The database as it is, against the published key and heads: what an auditor does with a dump. */
    private Report verify(JsonNode published) throws Exception {
        LogJson.Published trusted = LogJson.published(published);
        try (JdbcLogSource source = new JdbcLogSource(dataSource.getConnection())) {
            return Verifier.verify(source, trusted.keys(), trusted.heads());
        }
    }

    private void flipByte(long index) {
        jdbc.sql("update domain_event_entry set payload = set_byte(payload, 5, get_byte(payload, 5) # 1) where global_index = :g")
                .param("g", index).update();
    }
}
