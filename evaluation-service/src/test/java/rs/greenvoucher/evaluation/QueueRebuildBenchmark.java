package rs.greenvoucher.evaluation;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.infra.RawEnvelope;
import rs.greenvoucher.infra.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Not a test: a benchmark. Run with
 * {@code ./mvnw -Pbenchmark -pl evaluation-service -am verify -Dit.test=QueueRebuildBenchmark} ({@code -Dgv.bench.applications=N},
 * 50,000 by default: 150,000 events). Sends each application's submission, screening and matching to the topic, measures
 * how fast the consumer builds the queue from them, then how fast an ADMIN's rebuild builds it again from the topic.
 */
class QueueRebuildBenchmark extends EvaluationIntegrationTest {

    static final int APPLICATIONS = Integer.getInteger("gv.bench.applications", 50_000);

    @Test
    void theConsumerAndTheRebuildFromTheTopic() throws Exception {
        Map<String, Object> form = json.readValue(WorkQueueIT.FORM.formatted("22.22"), Map.class);
        Instant start = Instant.now();
        for (int i = 0; i < APPLICATIONS; i++) {
            UUID app = UUID.randomUUID();
            send(WorkQueueIT.envelope(app, 0, "ApplicationSubmitted", Map.of("status", "SUBMITTED", "trackingCode", "GIV-2026-" + i,
                    "enterpriseMb", "20084693", "form", form)));
            send(WorkQueueIT.envelope(app, 1, "ApplicationScreened", Map.of("status", "SCREENED", "decisionId", UUID.randomUUID().toString())));
            send(WorkQueueIT.envelope(app, 2, "ProvidersMatched", Map.of("status", "PROVIDER_MATCHED", "providerCodes", List.of("12"))));
        }
        kafka.flush();
        long events = APPLICATIONS * 3L;
        while (jdbc.sql("select count(*) from work_item where stage = 'COMMITTEE'").query(Long.class).single() < APPLICATIONS) {
            Thread.sleep(200); // a benchmark polling for completion, not a test
        }
        Duration consumed = Duration.between(start, Instant.now());
        System.out.printf("%n=== the consumer: %d events of %d applications sent and applied in %.1f s = %.0f events/s%n",
                events, APPLICATIONS, consumed.toMillis() / 1000.0, events * 1000.0 / consumed.toMillis());

        // the queue's page with every item waiting: its cost should follow the page, not the queue
        String evaluator = TestTokens.get().token("evaluator-eva", "Eva Evaluator", "EVALUATOR");
        rs.greenvoucher.infra.HttpApi queue = new rs.greenvoucher.infra.HttpApi(port);
        long[] ms = new long[21];
        for (int r = 0; r < ms.length; r++) {
            long t0 = System.nanoTime();
            int status = queue.get("/api/queue?stage=COMMITTEE&limit=100", evaluator).status();
            ms[r] = (System.nanoTime() - t0) / 1_000_000;
            if (status != 200) {
                throw new IllegalStateException("GET /api/queue: " + status);
            }
        }
        java.util.Arrays.sort(ms, 1, ms.length);
        System.out.printf("=== GET /api/queue?stage=COMMITTEE&limit=100 with %d items waiting: median %d ms, slowest %d ms (20 calls after one)%n",
                APPLICATIONS, ms[11], ms[20]);

        String admin = TestTokens.get().token("admin-ana", "Ana Admin", "ADMIN");
        // synchronous, and longer than the test client's 60 s at this size
        String answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/admin/queue/rebuild"))
                .header("Authorization", "Bearer " + admin).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        JsonNode result = json.readTree(answer);
        System.out.printf("=== the queue rebuilt from the topic: %d events (%d items) in %.1f s = %.0f events/s%n%n",
                result.get("events").asLong(), result.get("items").asLong(), result.get("durationMillis").asLong() / 1000.0,
                result.get("events").asLong() * 1000.0 / result.get("durationMillis").asLong());
    }

    private void send(RawEnvelope e) {
        kafka.send(Topics.APPLICATION_EVENTS, e.applicationId().toString(), json.writeValueAsString(e));
    }
}
