package rs.greenvoucher.core;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.infra.TestInfrastructure;
import rs.greenvoucher.infra.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event reaches Kafka in the contract's envelope, in order per application, even if the broker was down. */
class KafkaPublishingIT extends CoreIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void eventsAcceptedWhileTheBrokerIsDownArePublishedWhenItIsBack() {
        String token = api.newApplicant("en");
        String mb = TestData.mb();
        try (TopicReader reader = new TopicReader(Topics.APPLICATION_EVENTS)) {
            TestInfrastructure.kafka().stop();
            String id;
            try {
                Response submitted = api.post("/api/applications", token, TestData.application(mb));
                assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
                id = submitted.json().get("id").asString();
                assertThat(api.post("/api/applications/" + id + "/withdraw", token, "{\"reason\":\"test\"}").status()).isEqualTo(200);
                // stored in PostgreSQL before the answer, while Kafka is down
                assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                        .param("id", id).query(Integer.class).single()).isEqualTo(2);
            } finally {
                TestInfrastructure.kafka().start();
            }

            List<ConsumerRecord<String, String>> received = reader.await(id, 2, Duration.ofSeconds(90));

            JsonNode first = JSON.readTree(received.get(0).value());
            JsonNode second = JSON.readTree(received.get(1).value());
            assertThat(first.get("type").asString()).isEqualTo("ApplicationSubmitted");
            assertThat(first.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(first.get("applicationId").asString()).isEqualTo(id);
            assertThat(first.get("sequence").asLong()).isZero();
            assertThat(UUID.fromString(first.get("eventId").asString())).isNotNull();
            assertThat(first.get("occurredAt").asString()).endsWith("Z");
            JsonNode payload = first.get("payload");
            assertThat(payload.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(payload.get("enterpriseMb").asString()).isEqualTo(mb);
            assertThat(payload.get("trackingCode").asString()).startsWith("GIV-");
            // personal fields travel sealed with the application's key (docs/adr/0011)
            String name = payload.get("form").get("enterprise").get("name").asString();
            assertThat(name).startsWith(rs.greenvoucher.api.privacy.SealedText.PREFIX);
            byte[] key = jdbc.sql("select key from personal_key where subject = :id").param("id", id)
                    .query((rs, n) -> rs.getBytes(1)).single();
            assertThat(rs.greenvoucher.api.privacy.SealedText.open(key, id, name)).isEqualTo("Eko Plast d.o.o. — Ćirilica: Еко Пласт");
            assertThat(payload.get("applicantLanguage").asString()).isEqualTo("en");
            // amounts keep their two decimals (BigDecimal all the way, never a double)
            assertThat(received.get(0).value()).contains("\"requestedVoucherEur\":10800.00");
            assertThat(second.get("type").asString()).isEqualTo("ApplicationWithdrawn");
            assertThat(second.get("sequence").asLong()).isEqualTo(1);
            assertThat(second.get("payload").get("status").asString()).isEqualTo("WITHDRAWN");
            assertThat(second.get("payload").get("enterpriseMb").asString()).isEqualTo(mb);
            assertThat(received.get(0).partition()).isEqualTo(received.get(1).partition());
        }
    }
    /**
     * The record of an event carries the trace of the request that made it (docs/adr/0034): the client's trace id, in
     * the traceparent header the consumers continue; a request without one starts a trace of its own.
     */
    @Test
    void anEventsRecordCarriesTheTraceOfTheRequestThatMadeIt() {
        String token = api.newApplicant("en");
        String trace = UUID.randomUUID().toString().replace("-", "");
        try (TopicReader reader = new TopicReader(Topics.APPLICATION_EVENTS)) {
            Response submitted = api.post("/api/applications", token, TestData.application(TestData.mb()),
                    java.util.Map.of("traceparent", "00-" + trace + "-00f067aa0ba902b7-01"));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            String id = submitted.json().get("id").asString();
            assertThat(api.post("/api/applications/" + id + "/withdraw", token, "{\"reason\":\"test\"}").status()).isEqualTo(200);

            List<ConsumerRecord<String, String>> received = reader.await(id, 2, Duration.ofSeconds(30));
            String first = rs.greenvoucher.platform.tracing.Traces.of(received.get(0).headers());
            String second = rs.greenvoucher.platform.tracing.Traces.of(received.get(1).headers());
            assertThat(first).matches("00-" + trace + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7"); // the publisher's own span
            assertThat(second).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}").doesNotContain(trace);
            // and it is the event's: kept in its metadata in the event store
            assertThat(jdbc.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = :id and sequence_number = 0")
                    .param("id", id).query(String.class).single()).contains(trace);
        }
    }

    /** The keys of a batch's submissions go first, acknowledged, then the messages sealed with them (docs/adr/0011). */
    @Test
    void everySubmissionsKeyIsOnTheKeysTopicBeforeItsMessage() throws Exception {
        String token = api.newApplicant("sr");
        try (TopicReader keys = new TopicReader(Topics.PERSONAL_KEYS); TopicReader events = new TopicReader(Topics.APPLICATION_EVENTS)) {
            List<String> ids = java.util.stream.IntStream.range(0, 6).parallel()
                    .mapToObj(i -> api.post("/api/applications", token, TestData.application(TestData.mb())).json().get("id").asString())
                    .toList();
            var messages = events.awaitEach(ids, Duration.ofSeconds(30));
            var sentKeys = keys.awaitEach(ids, Duration.ofSeconds(30));
            for (String id : ids) {
                ConsumerRecord<String, String> message = messages.get(id);
                ConsumerRecord<String, String> key = sentKeys.get(id);
                byte[] stored = jdbc.sql("select key from personal_key where subject = :id").param("id", id)
                        .query((rs, n) -> rs.getBytes(1)).single();
                assertThat(java.util.Base64.getDecoder().decode(key.value())).isEqualTo(stored);
                assertThat(key.timestamp()).isLessThanOrEqualTo(message.timestamp());
            }
        }
    }
}
