package rs.greenvoucher.core;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CoreSmokeIT extends CoreIntegrationTest {

    @Test
    void startsOnPostgresAndKafkaAndIsHealthy() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"kafka\"");
        HttpResponse<String> openApi = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/applications").contains("/api/reports/throughput").contains("/api/auth/token");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
        // the event store's traps are avoided: bytea payloads, a global index that grows by one
        assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = 'domain_event_entry' and column_name = 'payload'")
                .query(String.class).single()).isEqualTo("bytea");
        assertThat(jdbc.sql("select increment_by from pg_sequences where sequencename like 'domain_event_entry%'")
                .query(Long.class).single()).isEqualTo(1L);
    }
}
