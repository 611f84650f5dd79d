package rs.greenvoucher.evaluation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.evaluation.queue.ApplicationEventsConsumer;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.RawEnvelope;
import rs.greenvoucher.infra.TestTokens;
import rs.greenvoucher.infra.TopicReader;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The queue from core's events (real Kafka, real PostgreSQL), claims, and decisions stored then sent. */
class WorkQueueIT extends EvaluationIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    final String jelena = TestTokens.get().token("evaluator-jelena", "Jelena Đorđević", "EVALUATOR");
    final String marko = TestTokens.get().token("evaluator-marko", "Marko Ilić", "EVALUATOR");

    @Test
    void theQueueFollowsTheEventsOnceAndInOrder() throws Exception {
        HttpApi api = new HttpApi(port);
        UUID app = UUID.randomUUID();
        RawEnvelope submitted = submitted(app, "11.02");
        send(submitted);
        JsonNode item = awaitItem(api, app, "SCREENING");
        assertThat(item.get("enterpriseName").asString()).isEqualTo("Vinarija Župa d.o.o.");
        JsonNode e6 = null;
        for (JsonNode c : item.get("autoChecks")) {
            if (c.get("rule").asString().equals("E6")) {
                e6 = c;
            }
        }
        assertThat(e6.get("passed").asBoolean()).isFalse();

        // redelivered and replayed: nothing changes; an older event after a newer one changes nothing either
        RawEnvelope screened = envelope(app, 1, "ApplicationScreened", Map.of("status", "SCREENED", "decisionId", UUID.randomUUID().toString()));
        send(screened);
        awaitItem(api, app, "PROVIDER_MATCHING");
        send(submitted);
        send(screened);
        RawEnvelope marker = envelope(app, 2, "ProvidersMatched", Map.of("status", "PROVIDER_MATCHED", "providerCodes", List.of("12")));
        send(marker);
        awaitItem(api, app, "COMMITTEE");
        assertThat(jdbc.sql("select count(*) from work_item where application_id = :id").param("id", app).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select last_sequence from work_item where application_id = :id").param("id", app).query(Long.class).single()).isEqualTo(2);

        // applicants and anonymous callers do not work the queue
        assertThat(api.get("/api/queue", TestTokens.get().token("applicant-1", "Ana", "APPLICANT")).status()).isEqualTo(403);
        assertThat(api.get("/api/queue", null).status()).isEqualTo(401);
    }

    @Test
    void oneEvaluatorPerItemAndADecisionIsStoredThenSentToCore() throws Exception {
        HttpApi api = new HttpApi(port);
        UUID app = UUID.randomUUID();
        send(submitted(app, "22.22"));
        awaitItem(api, app, "SCREENING");

        assertThat(api.post("/api/work-items/" + app + "/claim", jelena, "").status()).isEqualTo(200);
        Response taken = api.post("/api/work-items/" + app + "/claim", marko, "");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("ALREADY_CLAIMED");
        assertThat(api.post("/api/work-items/" + app + "/release", marko, "").status()).isEqualTo(409);
        assertThat(api.get("/api/queue?assignee=me", jelena).body()).contains(app.toString());
        assertThat(api.get("/api/queue?assignee=unassigned", marko).body()).doesNotContain(app.toString());

        Response invalid = api.post("/api/applications/" + app + "/screening", jelena, "{\"outcome\":\"MAYBE\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("outcome");
        assertThat(api.post("/api/applications/" + app + "/decision", jelena, "{}").json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/applications/" + app + "/provider-match", jelena, "{\"providerCodes\":[\"12\"]}").json().get("code").asString())
                .isEqualTo("INVALID_TRANSITION");

        try (TopicReader decisions = new TopicReader(Topics.EVALUATION_DECISIONS)) {
            Response accepted = api.post("/api/applications/" + app + "/screening", jelena, """
                    {"outcome":"FAIL","checks":[{"rule":"E6","passed":false,"note":"vino"}],"noteToApplicant":"Isključena delatnost."}""");
            assertThat(accepted.status()).isEqualTo(202);
            String decisionId = accepted.json().get("decisionId").asString();
            // stored before the answer, with who and when
            assertThat(jdbc.sql("select decided_by from decision where decision_id = cast(:id as uuid)").param("id", decisionId)
                    .query(String.class).single()).isEqualTo("evaluator-jelena");
            // a second decision while the first waits for core: someone decided a moment ago
            assertThat(api.post("/api/applications/" + app + "/screening", jelena, "{\"outcome\":\"PASS\",\"checks\":[]}").json()
                    .get("code").asString()).isEqualTo("CHANGED_MEANWHILE");

            ConsumerRecord<String, String> sent = decisions.await(app.toString(), 1, Duration.ofSeconds(30)).get(0);
            JsonNode decision = json.readTree(sent.value());
            assertThat(decision.get("decisionId").asString()).isEqualTo(decisionId);
            assertThat(decision.get("stage").asString()).isEqualTo("SCREENING");
            assertThat(decision.get("outcome").asString()).isEqualTo("FAIL");
            assertThat(decision.get("checks").get(0).get("rule").asString()).isEqualTo("E6");
            assertThat(decision.get("decidedBy").asString()).isEqualTo("evaluator-jelena");
        }

        // core could not apply it: the refusal shows on the item, and the stage is open again
        send(envelope(app, 1, "DecisionRefused", Map.of("status", "WITHDRAWN", "decisionId",
                jdbc.sql("select decision_id::text from decision where application_id = :id").param("id", app).query(String.class).single(),
                "code", "INVALID_TRANSITION", "reason", "Cannot screen an application that is WITHDRAWN.")));
        JsonNode refused = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/work-items/" + app, jelena).json(),
                j -> j.get("item").get("lastRefusal") != null && !j.get("item").get("lastRefusal").isNull());
        assertThat(refused.get("item").get("lastRefusal").get("reason").asString()).contains("WITHDRAWN");
        assertThat(refused.get("decisions").get(0).get("outcome").asString()).isEqualTo("REFUSED");
    }

    /**
     * D3: the evaluator asks; once core applied the request the item waits out of the active queue (no decision until
     * the reply); the reply brings it back at its stage, claimed by the asker, with the changed figures checked again.
     */
    @Test
    void anItemAskedForInformationWaitsApartAndComesBackToTheAskerWithTheReply() throws Exception {
        HttpApi api = new HttpApi(port);
        UUID app = UUID.randomUUID();
        RawEnvelope submitted = submitted(app, "22.22");
        send(submitted);
        awaitItem(api, app, "SCREENING");
        assertThat(api.post("/api/work-items/" + app + "/claim", jelena, "").status()).isEqualTo(200);

        Response wordless = api.post("/api/applications/" + app + "/information-request", jelena, "{\"documentKinds\":[\"INVOICE\"]}");
        assertThat(wordless.status()).isEqualTo(400);
        assertThat(wordless.body()).contains("\"message\"");
        Response invoice = api.post("/api/applications/" + app + "/information-request", jelena,
                "{\"message\":\"Račun?\",\"documentKinds\":[\"INVOICE\"]}");
        assertThat(invoice.status()).isEqualTo(400);
        assertThat(invoice.body()).contains("documentKinds");
        UUID requestId;
        try (TopicReader decisions = new TopicReader(Topics.EVALUATION_DECISIONS)) {
            Response asked = api.post("/api/applications/" + app + "/information-request", jelena, """
                    {"message":"Pošaljite finansijske izveštaje.","documentKinds":["FINANCIAL_STATEMENTS"],"fields":["EMPLOYEES"]}""");
            assertThat(asked.status()).isEqualTo(202);
            requestId = UUID.fromString(asked.json().get("decisionId").asString());
            JsonNode sent = json.readTree(decisions.await(app.toString(), 1, Duration.ofSeconds(30)).get(0).value());
            assertThat(sent.get("outcome").asString()).isEqualTo("REQUEST_INFORMATION");
            assertThat(sent.get("stage").asString()).isEqualTo("SCREENING");
            assertThat(sent.get("documentKinds").get(0).asString()).isEqualTo("FINANCIAL_STATEMENTS");
            assertThat(sent.has("replyBy")).isFalse(); // core gives the call's days
        }
        send(envelope(app, 1, "InformationRequested", Map.of("status", "INFORMATION_REQUESTED", "decisionId", requestId.toString(),
                "stage", "SCREENING", "message", "Pošaljite finansijske izveštaje.", "documentKinds", List.of("FINANCIAL_STATEMENTS"),
                "fields", List.of("EMPLOYEES"), "replyBy", "2026-12-21", "decidedBy", "evaluator-jelena",
                "occurredAt", java.time.Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/queue?waiting=true", jelena).body().contains(app.toString()));
        assertThat(api.get("/api/queue", jelena).body()).doesNotContain(app.toString());
        JsonNode waiting = api.get("/api/work-items/" + app, jelena).json();
        assertThat(waiting.get("item").get("waitingUntil").asString()).isEqualTo("2026-12-21");
        assertThat(waiting.get("item").get("assignee").asString()).isEqualTo("evaluator-jelena");
        assertThat(waiting.get("information").get(0).get("message").asString()).isEqualTo("Pošaljite finansijske izveštaje.");
        assertThat(waiting.get("decisions").get(0).get("outcome").asString()).isEqualTo("APPLIED");
        Response early = api.post("/api/applications/" + app + "/screening", jelena, "{\"outcome\":\"PASS\",\"checks\":[]}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("2026-12-21");

        Map<String, Object> form = json.readValue(FORM.formatted("22.22"), Map.class);
        ((Map<String, Object>) form.get("enterprise")).put("employees", 8);
        send(envelope(app, 2, "InformationProvided", Map.of("status", "SUBMITTED", "requestId", requestId.toString(), "stage", "SCREENING",
                "reply", "Izveštaji su priloženi; imamo 8 zaposlenih.", "changedFields", List.of("EMPLOYEES"), "form", form,
                "repliedBy", "applicant-1", "returnedTo", "evaluator-jelena", "occurredAt", java.time.Instant.now().toString())));
        JsonNode back = awaitItem(api, app, "SCREENING");
        assertThat(back.get("waitingUntil").isNull()).isTrue();
        assertThat(back.get("assignee").asString()).isEqualTo("evaluator-jelena");
        JsonNode e2 = null;
        for (JsonNode c : back.get("autoChecks")) {
            if (c.get("rule").asString().equals("E2")) {
                e2 = c;
            }
        }
        assertThat(e2.get("passed").asBoolean()).as("8 employees are too few for an SME of the scheme").isFalse();
        JsonNode replied = api.get("/api/work-items/" + app, jelena).json();
        assertThat(replied.get("information").get(0).get("reply").asString()).isEqualTo("Izveštaji su priloženi; imamo 8 zaposlenih.");
        assertThat(replied.get("application").get("enterprise").get("employees").asInt()).isEqualTo(8);
        // the asker decides the stage now
        assertThat(api.post("/api/applications/" + app + "/screening", jelena, "{\"outcome\":\"PASS\",\"checks\":[]}").status())
                .isEqualTo(202);
    }

    /** Two decisions sent at the same moment (two tabs, a double click): one is taken, the other told why it was not. */
    @Test
    void ofTwoDecisionsRacingOnOneItemOneIsTakenAndTheOtherToldSomeoneDecidedMeanwhile() throws Exception {
        HttpApi api = new HttpApi(port);
        UUID app = UUID.randomUUID();
        send(submitted(app, "22.22"));
        awaitItem(api, app, "SCREENING");
        assertThat(api.post("/api/work-items/" + app + "/claim", jelena, "").status()).isEqualTo(200);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (String outcome : List.of("PASS", "FAIL")) {
                answers.add(two.submit(() -> {
                    start.await();
                    return api.post("/api/applications/" + app + "/screening", jelena, outcome.equals("PASS")
                            ? "{\"outcome\":\"PASS\",\"checks\":[]}"
                            : "{\"outcome\":\"FAIL\",\"checks\":[{\"rule\":\"E6\",\"passed\":false,\"note\":\"x\"}],\"noteToApplicant\":\"No.\"}");
                }));
            }
            start.countDown();
            List<Response> done = new java.util.ArrayList<>();
            for (var answer : answers) {
                done.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(done).extracting(Response::status).containsExactlyInAnyOrder(202, 409);
            Response lost = done.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(lost.json().get("code").asString()).as(lost.body()).isEqualTo("CHANGED_MEANWHILE");
            assertThat(jdbc.sql("select count(*) from decision where application_id = :id").param("id", app)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aDecisionNeedsAClaimAndNeverClaimsSilently() throws Exception {
        HttpApi api = new HttpApi(port);
        UUID app = UUID.randomUUID();
        send(submitted(app, "22.22"));
        awaitItem(api, app, "SCREENING");
        Response unclaimed = api.post("/api/applications/" + app + "/screening", jelena, "{\"outcome\":\"PASS\",\"checks\":[]}");
        assertThat(unclaimed.status()).isEqualTo(409);
        assertThat(unclaimed.json().get("code").asString()).isEqualTo("NOT_CLAIMED");
        assertThat(api.get("/api/work-items/" + app, jelena).json().get("item").get("assignee").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from decision where application_id = :id").param("id", app).query(Integer.class).single()).isZero();
    }

    @Test
    void theCommitteeDecisionNeedsAnotherEvaluatorThanTheScreener() throws Exception {
        HttpApi api = new HttpApi(port);
        UUID app = UUID.randomUUID();
        send(submitted(app, "22.22"));
        awaitItem(api, app, "SCREENING");
        assertThat(api.post("/api/work-items/" + app + "/claim", jelena, "").status()).isEqualTo(200);
        String screening = api.post("/api/applications/" + app + "/screening", jelena, "{\"outcome\":\"PASS\",\"checks\":[]}")
                .json().get("decisionId").asString();
        send(envelope(app, 1, "ApplicationScreened", Map.of("status", "SCREENED", "decisionId", screening)));
        send(envelope(app, 2, "ProvidersMatched", Map.of("status", "PROVIDER_MATCHED", "decisionId", UUID.randomUUID().toString(),
                "providerCodes", List.of("12"))));
        awaitItem(api, app, "COMMITTEE");

        String approve = """
                {"decision":"APPROVE","voucherAmountEur":10800,"scores":{"resourceEfficiency":4,"scalability":3,"innovation":5},"reason":"ok"}""";
        assertThat(api.post("/api/work-items/" + app + "/claim", jelena, "").status()).isEqualTo(200);
        Response same = api.post("/api/applications/" + app + "/decision", jelena, approve);
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("code").asString()).isEqualTo("FOUR_EYES");
        assertThat(api.post("/api/work-items/" + app + "/release", jelena, "").status()).isEqualTo(200);

        assertThat(api.post("/api/work-items/" + app + "/claim", marko, "").status()).isEqualTo(200);
        assertThat(api.post("/api/applications/" + app + "/decision", marko, approve).status()).isEqualTo(202);
    }

    @Test
    void aManagerReadsTheQueueAndItemsButCannotAct() throws Exception {
        HttpApi api = new HttpApi(port);
        String manager = TestTokens.get().token("manager-milos", "Miloš Stanković", "MANAGER");
        UUID app = UUID.randomUUID();
        send(submitted(app, "22.22"));
        awaitItem(api, app, "SCREENING");
        assertThat(api.get("/api/queue?stage=SCREENING", manager).body()).contains(app.toString());
        assertThat(api.get("/api/work-items/" + app, manager).status()).isEqualTo(200);
        assertThat(api.post("/api/work-items/" + app + "/claim", manager, "").status()).isEqualTo(403);
        assertThat(api.post("/api/applications/" + app + "/screening", manager, "{\"outcome\":\"PASS\",\"checks\":[]}").status())
                .isEqualTo(403);
    }

    @Test
    void aDecisionThatStaysPendingIsShownStuckAndCanBeResentOrWithdrawn() throws Exception {
        HttpApi api = new HttpApi(port);
        UUID app = UUID.randomUUID();
        send(submitted(app, "22.22"));
        awaitItem(api, app, "SCREENING");
        assertThat(api.post("/api/work-items/" + app + "/claim", jelena, "").status()).isEqualTo(200);

        // hostile input is refused at this service's door too, and leaves no pending decision behind
        Response hostile = api.post("/api/applications/" + app + "/screening", jelena,
                "{\"outcome\":\"PASS\",\"checks\":[null],\"noteToApplicant\":\"x\\u0000\"}");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.json().get("errors").get(0).get("field").asString()).isEqualTo("checks[0]");
        assertThat(api.get("/api/work-items/" + app, jelena).json().get("item").get("pendingDecision").isNull()).isTrue();

        String decisionId = api.post("/api/applications/" + app + "/screening", jelena, "{\"outcome\":\"PASS\",\"checks\":[]}")
                .json().get("decisionId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select published_at is not null from decision where decision_id = cast(:id as uuid)")
                .param("id", decisionId).query(Boolean.class).single());
        Response early = api.delete("/api/work-items/" + app + "/pending-decision", jelena);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("DECISION_NOT_STUCK");
        assertThat(api.get("/api/work-items/" + app, jelena).json().get("item").get("pendingStuck").asBoolean()).isFalse();

        // core never answers: past the bound the item shows it as stuck
        jdbc.sql("update decision set decided_at = decided_at - interval '3 minutes' where decision_id = cast(:id as uuid)")
                .param("id", decisionId).update();
        assertThat(api.get("/api/work-items/" + app, jelena).json().get("item").get("pendingStuck").asBoolean()).isTrue();
        assertThat(api.delete("/api/work-items/" + app + "/pending-decision", marko).json().get("code").asString())
                .isEqualTo("ALREADY_CLAIMED");
        try (TopicReader decisions = new TopicReader(Topics.EVALUATION_DECISIONS)) {
            assertThat(api.post("/api/work-items/" + app + "/pending-decision/resend", jelena, "").status()).isEqualTo(200);
            // sent when taken, and once more on the resend (core drops the copy by its decision id)
            assertThat(decisions.await(app.toString(), 2, Duration.ofSeconds(30)))
                    .allSatisfy(r -> assertThat(r.value()).contains(decisionId));
        }
        Response withdrawn = api.delete("/api/work-items/" + app + "/pending-decision", jelena);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(jdbc.sql("select outcome from decision where decision_id = cast(:id as uuid)").param("id", decisionId)
                .query(String.class).single()).isEqualTo("WITHDRAWN");
        // the item is free for a new decision
        assertThat(api.post("/api/applications/" + app + "/screening", jelena, "{\"outcome\":\"PASS\",\"checks\":[]}").status())
                .isEqualTo(202);
    }

    @Test
    void anAdminListsADeadLetterTopicAndReplaysItOntoItsTopic() throws Exception {
        HttpApi api = new HttpApi(port);
        String admin = TestTokens.get().token("admin-ana", "Ana Admin", "ADMIN");
        String key = UUID.randomUUID().toString();
        String dlt = "/api/admin/dead-letter-topics/" + Topics.APPLICATION_EVENTS;
        try (TopicReader parked = new TopicReader(Topics.APPLICATION_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
            kafka.send(Topics.APPLICATION_EVENTS, key, "{\"not\": \"an envelope\"}").get();
            parked.await(key, 1, Duration.ofSeconds(30));
        }
        JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(() -> waitingFor(api, admin, dlt, key), j -> j != null);
        assertThat(waiting.get("reason").asString()).contains("not a readable event envelope");
        assertThat(waiting.get("consumerGroup").asString()).isEqualTo("evaluation-service");
        long firstOffset = waiting.get("offset").asLong();
        assertThat(api.get(dlt, jelena).status()).isEqualTo(403);

        try (TopicReader events = new TopicReader(Topics.APPLICATION_EVENTS)) {
            Response replayed = api.post(dlt + "/replay", admin, "");
            assertThat(replayed.status()).isEqualTo(200);
            assertThat(replayed.json().get("replayed").asInt()).isPositive();
            // back on its topic, same key and value
            // the reader starts at the beginning: the original record, then the replayed one
            ConsumerRecord<String, String> again = events.await(key, 2, Duration.ofSeconds(30)).get(1);
            assertThat(again.value()).isEqualTo("{\"not\": \"an envelope\"}");
            // meant for the group that could not apply it; every other group skips it
            assertThat(TopicReader.header(again, "gv-replay-for")).isEqualTo("evaluation-service");
        }
        // replayed once: the first copy is no longer waiting (it is still poison, so it comes back as a new one)
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode again = waitingFor(api, admin, dlt, key);
            return again != null && again.get("offset").asLong() != firstOffset;
        });
        assertThat(api.get("/api/admin/dead-letter-topics/no.such.topic", admin).status()).isEqualTo(404);
    }

    private static JsonNode waitingFor(HttpApi api, String admin, String path, String key) {
        for (JsonNode w : api.get(path, admin).json().get("waiting")) {
            if (w.get("key").asString().equals(key)) {
                return w;
            }
        }
        return null;
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheQueueGoesOn() throws Exception {
        HttpApi api = new HttpApi(port);
        try (TopicReader dlt = new TopicReader(Topics.APPLICATION_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
            String key = UUID.randomUUID().toString();
            kafka.send(Topics.APPLICATION_EVENTS, key, "[1, 2, 3]").get();
            UUID app = UUID.randomUUID();
            send(submitted(app, "22.22"));
            awaitItem(api, app, "SCREENING");
            assertThat(TopicReader.header(dlt.await(key, 1, Duration.ofSeconds(30)).get(0), "gv-dlt-reason"))
                    .contains("not a readable event envelope");
        }
    }

    /**
     * One poll, one transaction (PollTransactions): a poison record amid a poll's records is put on the dead-letter
     * topic alone, and the records before and after it in the same poll are applied.
     */
    @Test
    void aPoisonMessageAmidOnePollIsParkedAloneAndTheRestOfThePollIsApplied() throws Exception {
        HttpApi api = new HttpApi(port);
        String partition = UUID.randomUUID().toString(); // one key: one partition, in this order
        List<UUID> apps = java.util.stream.Stream.generate(UUID::randomUUID).limit(6).toList();
        MessageListenerContainer listener = listeners.getListenerContainer(ApplicationEventsConsumer.LISTENER);
        try (TopicReader dlt = new TopicReader(Topics.APPLICATION_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
            // held while they are sent, so that the listener fetches all of them in one poll
            listener.pause();
            await().atMost(Duration.ofSeconds(30)).until(listener::isContainerPaused);
            for (int i = 0; i < apps.size(); i++) {
                if (i == 3) {
                    kafka.send(Topics.APPLICATION_EVENTS, partition, "{\"not\": \"an envelope\"}");
                }
                kafka.send(Topics.APPLICATION_EVENTS, partition, json.writeValueAsString(submitted(apps.get(i), "22.22")));
            }
            kafka.flush();
            listener.resume();

            for (UUID app : apps) {
                awaitItem(api, app, "SCREENING");
            }
            assertThat(TopicReader.header(dlt.await(partition, 1, Duration.ofSeconds(30)).get(0), "gv-dlt-reason"))
                    .contains("not a readable event envelope");
        } finally {
            listener.resume();
        }
    }

    /**
     * The queue built again from the topic is the queue the events made (every item of this test class so far, claims
     * kept, and here a refusal, an erasure, a pending correction, a redelivered and a late event); an item lost from the
     * table is back, and a claim on an item no event has moved since stays.
     */
    @Test
    void anAdminRebuildsTheQueueFromTheTopicToTheSameItemsKeepingClaims() throws Exception {
        HttpApi api = new HttpApi(port);
        String admin = TestTokens.get().token("admin-ana", "Ana Admin", "ADMIN");
        UUID claimed = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        kafka.send(Topics.APPLICATION_EVENTS, claimed.toString(), "[1, 2, 3]").get(); // not an event: skipped
        send(submitted(claimed, "22.22"));
        send(submitted(lost, "22.22"));
        send(envelope(lost, 1, "ApplicationScreened", Map.of("status", "SCREENED", "decisionId", UUID.randomUUID().toString())));
        awaitItem(api, claimed, "SCREENING");
        awaitItem(api, lost, "PROVIDER_MATCHING");
        UUID refused = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        UUID corrected = UUID.randomUUID();
        send(submitted(refused, "22.22"));
        send(envelope(refused, 1, "DecisionRefused", Map.of("status", "SUBMITTED", "decisionId", UUID.randomUUID().toString(),
                "code", "INVALID_TRANSITION", "reason", "Cannot screen an application that is WITHDRAWN.")));
        send(submitted(erased, "22.22"));
        send(envelope(erased, 1, "PersonalDataErased", Map.of("status", "WITHDRAWN", "applicantId", "applicant-1",
                "reason", "Request 2026/17.")));
        send(submitted(corrected, "22.22"));
        RawEnvelope screened = envelope(corrected, 1, "ApplicationScreened", Map.of("status", "SCREENED", "decisionId", UUID.randomUUID().toString()));
        send(screened);
        send(envelope(corrected, 2, "CorrectionProposed", Map.of("status", "SCREENED", "correctionId", UUID.randomUUID().toString(),
                "stage", "SCREENING", "kind", "REJECT", "ruleCodes", List.of("E6"), "reason", "NACE misread.", "proposedBy", "admin-ana")));
        send(screened); // redelivered
        send(envelope(corrected, 0, "ApplicationScreened", Map.of("status", "SCREENED", "decisionId", UUID.randomUUID().toString()))); // late
        for (Map.Entry<UUID, Long> last : Map.of(refused, 1L, erased, 1L, corrected, 2L).entrySet()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select last_sequence from work_item where application_id = :id")
                    .param("id", last.getKey()).query(Long.class).optional().orElse(-1L).equals(last.getValue()));
        }
        assertThat(api.post("/api/work-items/" + claimed + "/claim", jelena, "").status()).isEqualTo(200);
        List<Map<String, Object>> before = queueTable();
        jdbc.sql("delete from work_item where application_id = :id").param("id", lost).update();

        assertThat(api.post("/api/admin/queue/rebuild", jelena, "").status()).isEqualTo(403);
        Response rebuilt = api.post("/api/admin/queue/rebuild", admin, "");

        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("events").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(rebuilt.json().get("skipped").asLong()).isPositive();
        assertThat(rebuilt.json().get("claimed").asLong()).isPositive();
        assertThat(queueTable()).isEqualTo(before);
        assertThat(awaitItem(api, claimed, "SCREENING").get("assignee").asString()).isEqualTo("evaluator-jelena");
        // and the consumer goes on after it: a new event is applied, once
        send(envelope(claimed, 1, "ApplicationScreened", Map.of("status", "SCREENED", "decisionId", UUID.randomUUID().toString())));
        assertThat(awaitItem(api, claimed, "PROVIDER_MATCHING").get("assignee").isNull()).isTrue();
    }

    /** The queue's rows as the events and the evaluators made them (not when each row was written). */
    private List<Map<String, Object>> queueTable() {
        return jdbc.sql("""
                        select application_id, tracking_code, enterprise_name, enterprise_mb, applicant_email, status, stage, enqueued_at,
                               assignee, assignee_name, claimed_at, auto_checks::text, application::text, providers::text, last_sequence,
                               pending_decision, last_refusal::text, updated_at
                        from work_item order by application_id""")
                .query().listOfRows();
    }

    JsonNode awaitItem(HttpApi api, UUID app, String stage) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode item : api.get("/api/queue?stage=" + stage, jelena).json()) {
                if (item.get("applicationId").asString().equals(app.toString())) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** An application form as core publishes it (the NACE code to fill in). */
    static final String FORM = """
                {"enterprise":{"mb":"20084693","pib":"101134702","name":"Vinarija Župa d.o.o.","address":"Aleksandrovac",
                  "region":"Šumadija and Western Serbia","naceCode":"%s","registeredOn":"2010-01-01","ownership":"PRIVATE_DOMESTIC",
                  "employees":30,"annualTurnoverEur":1000000,"totalAssetsEur":900000,"greenRole":"END_USER",
                  "contactName":"Ana","contactEmail":"ana@example.rs"},
                 "project":{"title":"Solar cooling","description":"d","services":[{"type":"TESTING","description":"tests","costEur":8000}],
                  "plannedStart":"2030-01-01","environmentalIndicators":[{"indicator":"ENERGY_SAVED","unit":"MWh/year","baseline":90,"target":50}],
                  "requestedVoucherEur":7200},
                 "providerCodes":["12"],
                 "declarations":{"noAffiliation":true,"noLegalProceedings":true,"serviceNotStarted":true,"canCoFinance":true}}""";

    RawEnvelope submitted(UUID app, String nace) {
        Map<String, Object> form = json.readValue(FORM.formatted(nace), Map.class);
        return envelope(app, 0, "ApplicationSubmitted", Map.of("status", "SUBMITTED", "trackingCode", "GIV-2026-" + app.toString().substring(0, 6),
                "enterpriseMb", "20084693", "form", form));
    }

    static RawEnvelope envelope(UUID app, long sequence, String type, Map<String, Object> payload) {
        return RawEnvelope.of(app, sequence, type, payload);
    }

    void send(RawEnvelope e) throws Exception {
        kafka.send(Topics.APPLICATION_EVENTS, e.applicationId().toString(), json.writeValueAsString(e)).get();
    }
}
