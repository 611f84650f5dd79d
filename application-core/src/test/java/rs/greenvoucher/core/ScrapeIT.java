package rs.greenvoucher.core;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.TestData;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's scrape of core (docs/operations.md): behind its token, never public; the conventions' meters and the
 * scheme's own, each moving with what it counts.
 */
class ScrapeIT extends CoreIntegrationTest {

    @Test
    void theScrapeIsTheOperatorsAlone() throws Exception {
        assertThat(status(null)).isEqualTo(401);
        assertThat(status("Basic " + Base64.getEncoder().encodeToString("prometheus:wrong".getBytes()))).isEqualTo(401);
        // a person's token is no scrape token, even an ADMIN's
        assertThat(status("Bearer " + admin())).isEqualTo(401);
        assertThat(scrape()).contains("# TYPE ");
    }

    @Test
    void theConventionsAndThePipelineAreThere() {
        String applicant = api.newApplicant("sr");
        assertThat(api.post("/api/applications", applicant, TestData.application(TestData.mb())).status()).isEqualTo(201);
        String scrape = scrape();
        assertThat(scrape).contains("http_server_requests_seconds_bucket{").contains("jvm_memory_used_bytes{")
                .contains("hikaricp_connections_active{").contains("kafka_producer_");
        // Axon's own (axon-micrometer, dimensional) and the processors' lag per segment
        assertThat(scrape).contains("eventProcessor_processedCounter_total{payloadType=\"ApplicationSubmitted\",processorName=\"applicant-view\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> sample(scrape(), "gv_processor_lag_events", "processor=\"applicant-view\"") != null);
        assertThat(sample(scrape(), "gv_processor_lag_events", "processor=\"reporting\"")).isNotNull().isGreaterThanOrEqualTo(0);
    }

    @Test
    void aRefusalIsCountedByItsCodeAndRule() {
        String applicant = api.newApplicant("sr");
        String mb = TestData.mb();
        assertThat(api.post("/api/applications", applicant, TestData.application(mb)).status()).isEqualTo(201);
        Double before = sample(scrape(), "gv_rule_refusals_total", "rule=\"L1\"");
        assertThat(api.post("/api/applications", applicant, TestData.application(mb)).status()).isEqualTo(409);
        assertThat(sample(scrape(), "gv_rule_refusals_total", "rule=\"L1\"")).isEqualTo((before == null ? 0 : before) + 1);
        assertThat(sample(scrape(), "gv_refusals_total", "code=\"ONE_VOUCHER_PER_ENTERPRISE\"")).isPositive();
    }

    private int status(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
