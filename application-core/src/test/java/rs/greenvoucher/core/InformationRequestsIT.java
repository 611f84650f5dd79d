package rs.greenvoucher.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import rs.greenvoucher.api.evaluation.Decision;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.inform.InformationDeadlines;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.SamplePdf;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * D3 on real PostgreSQL and Kafka: the request from the evaluators' topic, the reply with its document and figures, the
 * reminder and the expiry exactly once with two "instances" running the deadlines' round at once, and a reply racing
 * the expiry (exactly one wins, and the limits follow the winner).
 */
class InformationRequestsIT extends CoreIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    InformationDeadlines deadlines;

    @AfterEach
    void backToNow() {
        clock.set(DEFAULT_NOW);
    }

    @Test
    void theApplicantAnswersWithTheStatementsAndACorrectedFigureAndTheApplicationIsBackAtScreening() throws Exception {
        String token = api.newApplicant("en");
        String mb = TestData.mb();
        String id = api.post("/api/applications", token, TestData.application(mb)).json().get("id").asString();
        ask(id, Stage.SCREENING, List.of(DocumentKind.FINANCIAL_STATEMENTS), List.of(RequestedField.EMPLOYEES));
        JsonNode waiting = awaitStatus(id, token, "INFORMATION_REQUESTED");
        assertThat(waiting.get("informationRequest").get("replyBy").asString()).isEqualTo("2026-12-06"); // the call's 14 days
        assertThat(waiting.get("informationRequest").get("documentKinds").get(0).asString()).isEqualTo("FINANCIAL_STATEMENTS");
        assertThat(jdbc.sql("select remind_on::text from information_deadline where application_id = cast(:id as uuid)")
                .param("id", id).query(String.class).single()).isEqualTo("2026-12-03");

        // L1 holds while it waits: the enterprise cannot apply again
        Response again = api.post("/api/applications", api.newApplicant("en"), TestData.application(mb));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("L1");

        // no reply without what was asked; a figure not asked about is not changed
        Response bare = api.post("/api/applications/" + id + "/information-reply", token, "{\"message\":\"Here.\"}");
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.body()).contains("D3").contains("documents.FINANCIAL_STATEMENTS");
        Response register = api.upload("/api/applications/" + id + "/documents", token, Map.of("kind", "REGISTER_EXTRACT"),
                "apr.pdf", SamplePdf.of("Izvod"));
        assertThat(register.status()).isEqualTo(400);
        assertThat(api.upload("/api/applications/" + id + "/documents", token, Map.of("kind", "FINANCIAL_STATEMENTS"),
                "bilans-2024-2025.pdf", SamplePdf.of("Bilans stanja 2024", "Bilans stanja 2025")).status()).isEqualTo(201);
        Response turnover = api.post("/api/applications/" + id + "/information-reply", token,
                "{\"message\":\"Attached.\",\"changes\":{\"annualTurnoverEur\":1}}");
        assertThat(turnover.status()).isEqualTo(400);
        assertThat(turnover.body()).contains("changes.enterprise.annualTurnoverEur");

        Response replied = api.post("/api/applications/" + id + "/information-reply", token,
                "{\"message\":\"Both years attached; we are 45 now.\",\"changes\":{\"employees\":45}}");
        assertThat(replied.status()).isEqualTo(200);
        assertThat(replied.json().get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode back = awaitStatus(id, token, "SUBMITTED");
        assertThat(back.get("enterprise").get("employees").asInt()).isEqualTo(45);
        assertThat(back.get("informationRequest").isNull()).isTrue();
        assertThat(back.get("timeline").toString()).contains("An evaluator asks for more information by 6 December 2026")
                .contains("You sent your reply: Both years attached; we are 45 now.");
        assertThat(count("information_deadline", id)).isZero();
        // the reply is personal: sealed in the store
        assertThat(jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = :id and payload_type like '%InformationProvided'")
                .param("id", id).query(String.class).single()).doesNotContain("Both years attached");
    }

    @Test
    void theReminderAndTheExpiryHappenOnceWhateverNumberOfInstancesRunTheRound() throws Exception {
        String token = api.newApplicant("sr");
        String mb = TestData.mb();
        String id = api.post("/api/applications", token, TestData.application(mb)).json().get("id").asString();
        ask(id, Stage.SCREENING, List.of(), List.of());
        awaitStatus(id, token, "INFORMATION_REQUESTED");

        clock.set(Instant.parse("2026-12-02T10:00:00Z")); // the day before the reminder: nothing yet
        twoInstances();
        assertThat(events(id, "ReplyReminderDue")).isZero();

        clock.set(Instant.parse("2026-12-03T07:00:00Z"));
        twoInstances();
        twoInstances();
        assertThat(events(id, "ReplyReminderDue")).isEqualTo(1);

        clock.set(Instant.parse("2026-12-06T22:30:00Z")); // the date itself, in Serbia: still time to reply
        twoInstances();
        assertThat(events(id, "InformationRequestExpired")).isZero();

        clock.set(Instant.parse("2026-12-07T08:00:00Z"));
        twoInstances();
        twoInstances();
        assertThat(events(id, "InformationRequestExpired")).isEqualTo(1);
        JsonNode expired = awaitStatus(id, token, "EXPIRED");
        assertThat(expired.get("timeline").toString()).contains("pravilo D3");
        assertThat(count("information_deadline", id)).isZero();
        // the enterprise is free again (L1)
        assertThat(api.post("/api/applications", api.newApplicant("sr"), TestData.application(mb)).status()).isEqualTo(201);
    }

    @Test
    void aReplyRacingTheExpiryEitherWinsOrIsRefusedAndTheLimitsFollowTheWinner() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> mbs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = api.newApplicant("en");
            String mb = TestData.mb();
            String id = api.post("/api/applications", token, TestData.application(mb)).json().get("id").asString();
            ask(id, Stage.SCREENING, List.of(), List.of());
            ids.add(id);
            tokens.add(token);
            mbs.add(mb);
        }
        for (int i = 0; i < ids.size(); i++) {
            awaitStatus(ids.get(i), tokens.get(i), "INFORMATION_REQUESTED");
        }
        clock.set(Instant.parse("2026-12-07T00:30:00Z")); // just past the date: the round and late replies meet
        ExecutorService pool = Executors.newFixedThreadPool(ids.size() + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> replies = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String token = tokens.get(i);
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/applications/" + id + "/information-reply", token, "{\"message\":\"Just in time?\"}");
                }));
            }
            Future<?> round = pool.submit(() -> {
                start.await();
                deadlines.run();
                return null;
            });
            start.countDown();
            round.get();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Response reply = replies.get(i).get();
                long provided = events(id, "InformationProvided");
                long expired = events(id, "InformationRequestExpired");
                assertThat(provided + expired).as(id + ": exactly one of the reply and the expiry").isEqualTo(1);
                boolean claimed = jdbc.sql("select count(*) from enterprise_claim where mb = :mb").param("mb", mbs.get(i))
                        .query(Integer.class).single() == 1;
                if (provided == 1) {
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(claimed).as("a replied application holds its enterprise").isTrue();
                } else {
                    assertThat(reply.status()).as(reply.body()).isEqualTo(409);
                    assertThat(claimed).as("an expired application frees its enterprise").isFalse();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Two instances of core running the deadlines' round at the same moment. */
    private void twoInstances() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> rounds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                rounds.add(two.submit(() -> {
                    start.await();
                    deadlines.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> r : rounds) {
                r.get();
            }
        } finally {
            two.shutdownNow();
        }
    }

    private void ask(String id, Stage stage, List<DocumentKind> kinds, List<RequestedField> fields) throws Exception {
        EvaluationDecision decision = EvaluationDecision.of(UUID.randomUUID(), UUID.fromString(id),
                new Decision.InformationRequest(stage, "Please send the financial statements for 2024 and 2025.", kinds, fields, null),
                "jelena", Instant.now());
        kafka.send(Topics.EVALUATION_DECISIONS, id, json.writeValueAsString(decision)).get();
    }

    private long events(String id, String type) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id and payload_type like :type")
                .param("id", id).param("type", "%$" + type).query(Long.class).single();
    }

    private long count(String table, String id) {
        return jdbc.sql("select count(*) from " + table + " where application_id = cast(:id as uuid)").param("id", id)
                .query(Long.class).single();
    }

    JsonNode awaitStatus(String id, String token, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + id, token),
                r -> r.status() == 200 && r.json().get("status").asString().equals(status)).json();
    }
}
