package rs.greenvoucher.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.TestData;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's view of the running system (docs/operations.md): every service's scrape is valid Prometheus text by
 * Prometheus's own {@code promtool check metrics}, never public, and has the pipeline's metrics the alerts read; the
 * alert rules in deploy/prometheus pass {@code promtool check rules}.
 */
class MetricsIT {

    static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.api();
    }

    @Test
    void theAlertRulesAreValidForPrometheus() throws Exception {
        Path rules = Path.of("../deploy/prometheus/alerts.yml");
        Promtool result = promtool(null, "check", "rules", rules.toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 10 rules found");
        // every alert has its runbook paragraph
        String runbook = Files.readString(Path.of("../docs/operations.md"));
        for (String alert : Files.readAllLines(rules).stream().filter(l -> l.contains("- alert: "))
                .map(l -> l.substring(l.indexOf("- alert: ") + 9).trim()).toList()) {
            assertThat(runbook).as("a runbook paragraph for " + alert).contains("### " + alert);
        }
    }

    @Test
    void everyServicesScrapeIsValidAndHasThePipeline() throws Exception {
        // some work first, so that the business and pipeline meters have values (a refusal too: its counter is made then)
        String applicant = system.core.newApplicant("sr");
        String mb = TestData.mb();
        String id = system.core.post("/api/applications", applicant, TestData.application(mb)).json().get("id").asString();
        assertThat(system.core.post("/api/applications", applicant, TestData.application(mb)).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.evaluation.get("/api/work-items/" + id, system.adminToken()).status() == 200);

        Map<String, List<String>> expected = Map.of(
                "CORE", List.of("gv_processor_lag_events{", "gv_axon_parked_events{", "gv_applications{", "gv_vouchers_approved_eur",
                        "http_server_requests_seconds_bucket{", "kafka_producer_", "hikaricp_connections_active{"),
                "EVALUATION", List.of("gv_decisions_pending", "gv_decisions_stuck", "gv_queue_items{", "kafka_consumer_fetch_manager_records_lag_max", "gv_dead_letter_records{"),
                "NOTIFICATION", List.of("gv_mails{", "gv_mails_retrying", "kafka_consumer_fetch_manager_records_lag_max"),
                "PORTAL", List.of("http_server_requests_seconds_bucket{", "jvm_memory_used_bytes{"));
        Map<String, String> bases = new java.util.LinkedHashMap<>(system.serviceBases());
        bases.put("PORTAL", system.webUrl);
        StringBuilder scrapes = new StringBuilder();
        for (var service : bases.entrySet()) {
            String base = service.getValue();
            assertThat(status(base, null)).as(service.getKey() + " without the token").isEqualTo(401);
            String token = "Basic " + Base64.getEncoder().encodeToString(
                    ("prometheus:" + SystemUnderTest.SCRAPE_TOKEN).getBytes(StandardCharsets.UTF_8));
            // a processor's segment is on the scrape after the one that found its instance holding it
            HttpResponse<String> scrape = await().atMost(Duration.ofSeconds(30)).until(() -> scrape(base, token),
                    r -> r.statusCode() == 200 && expected.get(service.getKey()).stream().allMatch(r.body()::contains));
            for (String metric : expected.get(service.getKey())) {
                assertThat(scrape.body()).as(service.getKey() + " has " + metric).contains(metric);
            }
            scrapes.append(scrape.body());
            Promtool check = promtool(scrape.body(), "check", "metrics");
            // lint findings (names, units) are warnings; a text Prometheus cannot read is an error
            assertThat(check.output()).as(service.getKey() + ": " + check.output()).doesNotContain("error while linting")
                    .doesNotContain("text format parsing error");
        }
        // the paper and the run cannot drift: every metric the alerts and the dashboard read is in a scrape
        String paper = Files.readString(Path.of("../deploy/prometheus/alerts.yml")) + Files.readString(Path.of("../deploy/grafana/green-voucher.json"));
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b((?:gv|http|kafka|jvm|hikaricp)_[a-z_]+)").matcher(paper);
        java.util.Set<String> read = new java.util.TreeSet<>();
        while (names.find()) {
            read.add(names.group(1));
        }
        assertThat(read).hasSizeGreaterThan(15);
        for (String metric : read) {
            assertThat(scrapes.toString()).as("the scrapes have " + metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    record Promtool(int exit, String output) {
    }

    private static Promtool promtool(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            process.getOutputStream().close();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Promtool(process.waitFor(), output);
    }

    private static int status(String base, String authorization) throws Exception {
        return scrape(base, authorization).statusCode();
    }

    private static HttpResponse<String> scrape(String base, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
