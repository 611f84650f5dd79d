package rs.greenvoucher.core;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.expire.VoucherExpiry;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.infra.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Decisions arrive over Kafka and are applied once; refusals are recorded; vouchers expire by a durable deadline. */
class DecisionsAndExpiryIT extends CoreIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    VoucherExpiry expiry;

    @Test
    void decisionsAreAppliedOnceAndAnApprovedVoucherExpires() throws Exception {
        String token = api.newApplicant("sr");
        String mb = TestData.mb();
        String id = api.post("/api/applications", token, TestData.application(mb)).json().get("id").asString();
        UUID app = UUID.fromString(id);

        EvaluationDecision screening = decision(app, Stage.SCREENING, "PASS");
        send(screening);
        send(screening); // redelivered: applied once
        awaitStatus(id, token, "SCREENED");
        send(new EvaluationDecision(UUID.randomUUID(), app, Stage.PROVIDER_MATCHING, "MATCH", null,
                List.of(new ProviderCode("12")), null, null, null, "", "jelena", Instant.now(), 1, null, null, null));
        awaitStatus(id, token, "PROVIDER_MATCHED");
        send(new EvaluationDecision(UUID.randomUUID(), app, Stage.COMMITTEE, "APPROVE", null, null, Money.eur("10800"),
                new Scores(4, 4, 5), null, "Strong project", "committee", Instant.now(), 1, null, null, null));
        JsonNode approved = awaitStatus(id, token, "APPROVED");
        assertThat(approved.get("voucher").get("amountEur").decimalValue()).isEqualByComparingTo("10800");
        assertThat(approved.get("voucher").get("validUntil").asString()).isEqualTo("2027-05-22");
        assertThat(approved.get("timeline")).hasSize(4);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(4);
        BigDecimal committed = committed();

        // the deadline passes: the voucher expires, frees the enterprise and gives its money back to the call
        clock.set(Instant.parse("2027-05-24T08:00:00Z"));
        expiry.expireDue();
        awaitStatus(id, token, "EXPIRED");
        assertThat(committed()).isEqualByComparingTo(committed.subtract(new BigDecimal("10800")));
        clock.set(DEFAULT_NOW);
        assertThat(api.post("/api/applications", token, TestData.application(mb)).status()).isEqualTo(201);
        assertThat(expiry.expireDue()).isZero();
    }

    @Test
    void aDecisionOnAWithdrawnApplicationIsRefusedWithItsReason() throws Exception {
        String token = api.newApplicant("en");
        String id = api.post("/api/applications", token, TestData.application(TestData.mb())).json().get("id").asString();
        api.post("/api/applications/" + id + "/withdraw", token, "{}");
        EvaluationDecision late = decision(UUID.fromString(id), Stage.SCREENING, "PASS");
        send(late);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = :id and payload_type like '%DecisionRefused'""")
                .param("id", id).query(Integer.class).single() == 1);
        String payload = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = :id and payload_type like '%DecisionRefused'")
                .param("id", id).query(String.class).single();
        assertThat(payload).contains("INVALID_TRANSITION").contains(late.decisionId().toString()).contains("WITHDRAWN");
        awaitStatus(id, token, "WITHDRAWN");
    }

    @Test
    void anUnreadableDecisionGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        try (TopicReader dlt = new TopicReader(Topics.EVALUATION_DECISIONS + Topics.DEAD_LETTER_SUFFIX)) {
            String key = UUID.randomUUID().toString();
            kafka.send(Topics.EVALUATION_DECISIONS, key, "{this is not json").get();

            String token = api.newApplicant("sr");
            String id = api.post("/api/applications", token, TestData.application(TestData.mb())).json().get("id").asString();
            send(decision(UUID.fromString(id), Stage.SCREENING, "PASS"));
            awaitStatus(id, token, "SCREENED");

            ConsumerRecord<String, String> dead = dlt.await(key, 1, Duration.ofSeconds(30)).get(0);
            assertThat(dead.value()).isEqualTo("{this is not json");
            assertThat(TopicReader.header(dead, "gv-dlt-reason")).contains("not a readable decision");
        }
    }

    EvaluationDecision decision(UUID app, Stage stage, String outcome) {
        return new EvaluationDecision(UUID.randomUUID(), app, stage, outcome,
                List.of(new RuleCheck(RuleCode.E2, true, "42 employees")), null, null, null, null, "Prijava je uredna.",
                "jelena", Instant.now(), 1, null, null, null);
    }

    void send(EvaluationDecision decision) throws Exception {
        kafka.send(Topics.EVALUATION_DECISIONS, decision.applicationId().toString(), json.writeValueAsString(decision)).get();
    }

    JsonNode awaitStatus(String id, String token, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + id, token),
                r -> r.status() == 200 && r.json().get("status").asString().equals(status)).json();
    }

    BigDecimal committed() {
        return jdbc.sql("select committed_eur from scheme_call where name = 'Test call 2026'").query(BigDecimal.class).single();
    }
}
