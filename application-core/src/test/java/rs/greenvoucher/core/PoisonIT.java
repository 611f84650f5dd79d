package rs.greenvoucher.core;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input is refused at the door and leaves nothing; an event a projection cannot apply parks its own
 * application and the processors go on; a decision core cannot apply, whatever the cause, comes back refused.
 */
class PoisonIT extends CoreIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    JsonMapper json;

    @Autowired
    KafkaTemplate<String, String> kafka;

    record Hostile(String body, String field) {
    }

    @Test
    void everyHostileSubmissionIsRefusedNamingItsFieldAndLeavesNothing() {
        String token = api.newApplicant("sr");
        String valid = TestData.application(TestData.mb());
        String manyServices = "[" + "{\"type\":\"TESTING\",\"description\":\"t\",\"costEur\":100},".repeat(50)
                + "{\"type\":\"TESTING\",\"description\":\"t\",\"costEur\":100}]";
        List<Hostile> hostile = List.of(
                new Hostile(valid.replace("Recycled PET packaging line", "x\\u0000y"), "project.title"),
                new Hostile(valid.replace("Ana Petrović", "Ana\\u001b[31m"), "enterprise.contactName"),
                new Hostile(valid.replace("Recycled PET packaging line", "line\\nbreak"), "project.title"),
                new Hostile(valid.replace("Eko Plast d.o.o.", "Eko \\ud800 Plast"), "enterprise.name"),
                new Hostile(valid.replace("\"baseline\": 120", "\"baseline\": 1e15"), "project.environmentalIndicators[0].baseline"),
                new Hostile(valid.replace("\"target\": 80", "\"target\": 0.000001"), "project.environmentalIndicators[0].target"),
                new Hostile(valid.replace("\"employees\": 42", "\"employees\": 99999999999999999999"), "enterprise.employees"),
                new Hostile(valid.replaceFirst("\"services\": \\[.*?\\]", "\"services\": " + java.util.regex.Matcher.quoteReplacement(manyServices)),
                        "project.services[50]"),
                new Hostile(valid.replace("\"providerCodes\": [\"12\", \"23\"]", "\"providerCodes\": [null]"), "providerCodes[0]"));
        long eventsBefore = events();
        for (Hostile h : hostile) {
            HttpApi.Response r = api.post("/api/applications", token, h.body());
            assertThat(r.status()).as(h.field()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(h.field());
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
        }
        HttpApi.Response query = api.get("/api/applications?enterpriseMb=%00", token);
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().get("errors").get(0).get("field").asString()).isEqualTo("enterpriseMb");
        assertThat(events()).isEqualTo(eventsBefore);

        // afterwards, eight fresh submissions all reach their applicants and the reports
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String applicant = api.newApplicant(i % 2 == 0 ? "sr" : "en");
            HttpApi.Response r = api.post("/api/applications", applicant, TestData.application(TestData.mb()));
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.json().get("id").asString());
            tokens.add(applicant);
        }
        for (int i = 0; i < 8; i++) {
            String id = ids.get(i);
            String applicant = tokens.get(i);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + id, applicant).status() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from report_application where id = cast(:id as uuid)")
                    .param("id", id).query(Integer.class).single() == 1);
        }
    }

    @Test
    void anEventTheProjectionsCannotApplyIsParkedAndEveryoneElseFlows() throws Exception {
        // hand-made, past the door: a NUL the applicant view's jsonb cannot hold, a number reporting's columns cannot
        String template = TestData.application(TestData.mb())
                .replace("Recycled PET packaging line", "poison\\u0000title").replace("\"baseline\": 120", "\"baseline\": 1e15");
        ApplicationForm form = json.readValue(template, ApplicationForm.class);
        UUID poisoned = UUID.randomUUID();
        java.util.Map<String, Double> parkedBefore = java.util.Map.of("reporting", parkedMetric("reporting"),
                "applicant-view", parkedMetric("applicant-view"));
        UUID callId = jdbc.sql("select id from scheme_call where name = 'Test call 2026'").query(UUID.class).single();
        eventStore.publish(new GenericDomainEventMessage<>("VoucherApplication", poisoned.toString(), 0,
                new ApplicationSubmitted(poisoned, "GV-POISON-" + poisoned.toString().substring(0, 6), callId, "nobody", form,
                        Instant.now(), "sr", null)));

        String admin = admin();
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(admin, "applicant-view", poisoned) && parked(admin, "reporting", poisoned));
        // the operator's metric moves with it: one more parked event of each processor
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedMetric("reporting") >= parkedBefore.get("reporting") + 1);
        assertThat(parkedMetric("reporting")).isEqualTo(parkedBefore.get("reporting") + 1);
        assertThat(parkedMetric("applicant-view")).isEqualTo(parkedBefore.get("applicant-view") + 1);

        // later applications of every segment still reach their applicants and the report
        for (int i = 0; i < 8; i++) {
            String applicant = api.newApplicant("sr");
            String id = api.post("/api/applications", applicant, TestData.application(TestData.mb())).json().get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + id, applicant).status() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from report_application where id = cast(:id as uuid)")
                    .param("id", id).query(Integer.class).single() == 1);
        }
        JsonNode listed = api.get("/api/admin/parked-events?processor=reporting", admin).json();
        JsonNode item = find(listed, poisoned);
        assertThat(item.get("eventType").asString()).isEqualTo("ApplicationSubmitted");
        assertThat(item.get("error").asString()).isNotBlank();
        assertThat(listed.get("counts").get("reporting").asLong()).isPositive();
        assertThat(api.get("/actuator/health", admin).body()).contains("parkedEvents");
        // details are for an ADMIN only
        assertThat(api.get("/actuator/health", null).body()).doesNotContain("parkedEvents").doesNotContain("components");

        // a retry cannot cure it (the event is what it is); eviction drops it for good
        HttpApi.Response retried = api.post("/api/admin/parked-events/reporting/" + poisoned + "/retry", admin, "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(parked(admin, "reporting", poisoned)).isTrue();
        HttpApi.Response evicted = api.delete("/api/admin/parked-events/reporting/" + poisoned, admin);
        assertThat(evicted.status()).isEqualTo(200);
        assertThat(evicted.json().get("evicted").asInt()).isEqualTo(1);
        assertThat(parked(admin, "reporting", poisoned)).isFalse();
        assertThat(parkedMetric("reporting")).isEqualTo(parkedBefore.get("reporting"));
        assertThat(api.delete("/api/admin/parked-events/applicant-view/" + poisoned, admin).status()).isEqualTo(200);
        assertThat(parked(admin, "applicant-view", poisoned)).isFalse();

        // only an ADMIN sees or touches parked events
        assertThat(api.get("/api/admin/parked-events", api.newApplicant("sr")).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/parked-events", null).status()).isEqualTo(401);
    }

    @Test
    void aDecisionCoreCannotApplyForAnyReasonComesBackRefused() throws Exception {
        String token = api.newApplicant("sr");
        String id = api.post("/api/applications", token, TestData.application(TestData.mb())).json().get("id").asString();
        UUID unreadable = UUID.randomUUID();
        // an outcome and stage nobody knows: readable ids, unreadable decision
        kafka.send(Topics.EVALUATION_DECISIONS, id, """
                {"decisionId":"%s","applicationId":"%s","stage":"NO_SUCH_STAGE","outcome":"MAYBE","decidedBy":"x",
                 "decidedAt":"2026-11-22T10:00:00Z","schemaVersion":1}""".formatted(unreadable, id)).get();
        UUID screening = UUID.randomUUID();
        kafka.send(Topics.EVALUATION_DECISIONS, id, """
                {"decisionId":"%s","applicationId":"%s","stage":"SCREENING","outcome":"PASS","checks":[],
                 "decidedBy":"x","decidedAt":"2026-11-22T10:00:00Z","schemaVersion":1}""".formatted(screening, id)).get();
        UUID nullProvider = UUID.randomUUID();
        // a list item the aggregate cannot take (the evaluation service refuses it at its door; core must not hang on it)
        kafka.send(Topics.EVALUATION_DECISIONS, id, """
                {"decisionId":"%s","applicationId":"%s","stage":"PROVIDER_MATCHING","outcome":"MATCH","providerCodes":[null],
                 "decidedBy":"x","decidedAt":"2026-11-22T10:00:00Z","schemaVersion":1}""".formatted(nullProvider, id)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> refusals(id).size() == 2);
        assertThat(String.join(" ", refusals(id))).contains(unreadable.toString()).contains(nullProvider.toString())
                .contains("INVALID_DECISION");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + id, token).json().get("status")
                .asString().equals("SCREENED"));
    }

    private List<String> refusals(String id) {
        return jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = :id and payload_type like '%DecisionRefused'""")
                .param("id", id).query(String.class).list();
    }

    private double parkedMetric(String processor) {
        Double value = sample(scrape(), "gv_axon_parked_events", "processor=\"" + processor + "\"");
        assertThat(value).as("gv_axon_parked_events of " + processor).isNotNull();
        return value;
    }

    private boolean parked(String admin, String processor, UUID sequence) {
        return find(api.get("/api/admin/parked-events?processor=" + processor, admin).json(), sequence) != null;
    }

    private static JsonNode find(JsonNode listed, UUID sequence) {
        for (JsonNode item : listed.get("items")) {
            if (item.get("sequence").asString().equals(sequence.toString())) {
                return item;
            }
        }
        return null;
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }
}
