package rs.greenvoucher.system;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.platform.kafka.WholeTopicReaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure by crypto-shredding through HTTP, across the three services, PostgreSQL and Kafka: after an ADMIN erases
 * an applicant, none of the texts that were theirs is left in the clear in any column of any table of the three
 * databases or in any message on the topic, the application and its audit still read (as erased), and the report
 * replayed from the events gives the same figures as the live one.
 */
class ErasureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static int columnsSearched;

    static SystemUnderTest system;
    static HttpApi core;
    static HttpApi evaluation;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.api();
        core = system.core;
        evaluation = system.evaluation;
    }

    @Test
    void anErasedApplicantLeavesNoPersonalTextInAnyDatabaseOrMessage() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "erasure-" + tag + "@example.rs";
        Map<String, String> secrets = new HashMap<>();
        secrets.put("full name", "Zorana Brisić " + tag);
        secrets.put("e-mail", email);
        secrets.put("contact", "Milica Zaboravić " + tag);
        secrets.put("contact e-mail", "milica-" + tag + "@example.rs");
        secrets.put("enterprise", "Eko Zaborav " + tag + " d.o.o.");
        secrets.put("address", "Ulica Brisanja " + tag + ", Novi Sad");
        secrets.put("title", "Reciklaža " + tag);
        secrets.put("description", "Linija za PET " + tag);
        secrets.put("service", "Ispitivanje " + tag);
        secrets.put("withdrawal reason", "Selim se u inostranstvo " + tag);

        Response signedUp = core.post("/api/accounts/applicants", null, """
                {"email":"%s","password":"%s","fullName":"%s","preferredLanguage":"sr"}"""
                .formatted(email, HttpApi.APPLICANT_PASSWORD, secrets.get("full name")));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);
        core.verify(email);
        String applicant = core.token(email, HttpApi.APPLICANT_PASSWORD);
        String accountId = core.get("/api/accounts/me", applicant).json().get("id").asString();
        String admin = system.adminToken();
        String evaluator = system.evaluatorToken("jelena");

        ObjectNode form = (ObjectNode) JSON.readTree(TestData.application(TestData.mb()));
        ObjectNode enterprise = (ObjectNode) form.get("enterprise");
        enterprise.put("name", secrets.get("enterprise")).put("address", secrets.get("address"))
                .put("contactName", secrets.get("contact")).put("contactEmail", secrets.get("contact e-mail"));
        ObjectNode project = (ObjectNode) form.get("project");
        project.put("title", secrets.get("title")).put("description", secrets.get("description"));
        ((ObjectNode) project.get("services").get(0)).put("description", secrets.get("service"));
        Response submitted = core.post("/api/applications", applicant, form.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();

        // every service has the data in the clear while the application is under way
        await().atMost(Duration.ofSeconds(30)).until(() -> evaluation.get("/api/work-items/" + id, evaluator),
                r -> r.status() == 200 && r.json().get("item").get("enterpriseName").asString().equals(secrets.get("enterprise")));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("gv_notification", "select count(*) from notification where application_id = ?::uuid and status = 'SENT'", id) == 1);
        // nor in the event store or on the topic, sealed from the start
        List<String> beforeInCore = search("gv_core", secrets);
        assertThat(beforeInCore).filteredOn(hit -> hit.startsWith("domain_event_entry")).isEmpty();
        // (the search finds what is there: the read models hold the texts in the clear until the erasure)
        assertThat(beforeInCore).contains("application_view.doc: contact", "account.full_name: full name");
        assertThat(search("gv_evaluation", secrets)).contains("work_item.enterprise_name: enterprise");
        assertThat(search("gv_notification", secrets)).contains("recipient.contact_name: contact");

        // refused while the application is under way, and nothing changes
        Response tooEarly = core.post("/api/accounts/" + accountId + "/erasure", admin, "{\"reason\":\"Zahtev 17/2026\"}");
        assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(409);
        assertThat(tooEarly.json().get("code").asString()).isEqualTo("INVALID_TRANSITION");
        assertThat(core.get("/api/accounts/me", applicant).json().get("fullName").asString()).isEqualTo(secrets.get("full name"));

        assertThat(core.post("/api/applications/" + id + "/withdraw", applicant,
                "{\"reason\":\"" + secrets.get("withdrawal reason") + "\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("gv_notification", "select count(*) from notification where application_id = ?::uuid and status = 'SENT'", id) == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> evaluation.get("/api/work-items/" + id, evaluator).json()
                .get("item").get("status").asString().equals("WITHDRAWN"));
        String beforeErasure = Instant.now().toString();

        Response erased = core.post("/api/accounts/" + accountId + "/erasure", admin, "{\"reason\":\"Zahtev 17/2026\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("applications").get(0).asString()).isEqualTo(id);

        // each service blanks its copy when the erasure reaches it
        await().atMost(Duration.ofSeconds(30)).until(() -> core.get("/api/applications/" + id, admin).json()
                .get("enterprise").get("name").asString().equals(SealedText.ERASED));
        await().atMost(Duration.ofSeconds(30)).until(() -> evaluation.get("/api/work-items/" + id, evaluator).json()
                .get("item").get("enterpriseName").asString().equals(SealedText.ERASED));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("gv_notification", "select count(*) from recipient where application_id = ?::uuid", id) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("gv_notification",
                "select count(*) from notification where application_id = ?::uuid and body = '" + SealedText.ERASED + "'", id) == 2);

        // the search: every column of every table of the three databases
        List<String> hits = new ArrayList<>();
        columnsSearched = 0;
        for (String database : new String[]{"gv_core", "gv_evaluation", "gv_notification"}) {
            search(database, secrets).forEach(hit -> hits.add(database + "." + hit));
        }
        assertThat(hits).as("personal texts still in the clear").isEmpty();
        System.out.printf("erasure search: %d texts in %d columns of 3 databases: %d hits%n", secrets.size(), columnsSearched, hits.size());

        // every message of the application on the topic, read again from the start
        List<String> messages = messagesOf(Topics.APPLICATION_EVENTS, id);
        assertThat(messages).hasSizeGreaterThanOrEqualTo(3);
        for (String message : messages) {
            secrets.values().forEach(secret -> assertThat(message).doesNotContain(secret));
        }
        assertThat(messages.get(0)).contains(SealedText.PREFIX);
        assertThat(messages.get(messages.size() - 1)).contains("\"type\":\"PersonalDataErased\"");
        System.out.printf("erasure search: %d messages of the application on %s: none holds a text%n", messages.size(), Topics.APPLICATION_EVENTS);
        List<String> keys = messagesOf(Topics.PERSONAL_KEYS, id);
        assertThat(keys).hasSizeGreaterThanOrEqualTo(2);
        assertThat(keys.get(keys.size() - 1)).as("the key's tombstone").isNull();

        // the application and its history still read, as erased, and say what happened
        JsonNode now = core.get("/api/applications/" + id, admin).json();
        assertThat(now.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(now.get("enterprise").get("contactName").asString()).isEqualTo(SealedText.ERASED);
        assertThat(now.get("enterprise").get("mb").asString()).isEqualTo(form.get("enterprise").get("mb").asString());
        assertThat(now.toString()).doesNotContain(secrets.get("withdrawal reason"));
        JsonNode then = core.get("/api/applications/" + id + "?asOf=" + beforeErasure, admin).json();
        assertThat(then.get("project").get("title").asString()).isEqualTo(SealedText.ERASED);
        JsonNode audit = core.get("/api/applications/" + id + "/audit", admin).json();
        JsonNode last = audit.get("entries").get(audit.get("entries").size() - 1);
        assertThat(last.get("event").asString()).isEqualTo("PersonalDataErased");
        assertThat(last.get("why").asString()).isEqualTo("Zahtev 17/2026");

        // replays work and give the same figures
        String afterErasure = Instant.now().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> figures(core.get("/api/reports/throughput", admin).body())
                .equals(figures(core.get("/api/reports/throughput?asOf=" + afterErasure, admin).body())));

        // and the person cannot sign in any more
        assertThat(core.post("/api/auth/token", null, """
                {"username":"%s","password":"%s"}""".formatted(email, HttpApi.APPLICANT_PASSWORD)).status()).isEqualTo(401);
    }

    private static JsonNode figures(String report) {
        return JSON.readTree(report);
    }

    /** "table.column: what" for every text, JSON or bytes column holding one of the secrets in the clear. */
    private static List<String> search(String database, Map<String, String> secrets) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = connect(database)) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'bytea', 'character')""")) {
                while (rs.next()) {
                    columns.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertThat(columns).as(database).hasSizeGreaterThan(10);
            columnsSearched += columns.size();
            for (String[] column : columns) {
                String where = column[2].equals("bytea")
                        ? "position(convert_to(?, 'UTF8') in \"" + column[1] + "\") > 0"
                        : "position(? in \"" + column[1] + "\"::text) > 0";
                for (Map.Entry<String, String> secret : secrets.entrySet()) {
                    try (PreparedStatement s = c.prepareStatement("select count(*) from \"" + column[0] + "\" where " + where)) {
                        s.setString(1, secret.getValue());
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                hits.add(column[0] + "." + column[1] + ": " + secret.getKey());
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** The values of every record of this application on a topic, oldest first, read from the beginning. */
    private static List<String> messagesOf(String topic, String applicationId) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                WholeTopicReaders.config(system.kafka.bootstrapServers(), "erasure-it"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            WholeTopicReaders.readToEnd(consumer, Duration.ofSeconds(30), record -> {
                if (applicationId.equals(record.key())) {
                    values.add(record.value());
                }
                return true;
            });
        }
        return values;
    }

    private static long count(String database, String sql, String id) throws Exception {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect(String database) throws Exception {
        rs.greenvoucher.infra.PostgresServer pg = system.postgres;
        return DriverManager.getConnection(pg.jdbcUrl(database), pg.username(), pg.password());
    }
}
