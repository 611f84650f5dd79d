package rs.greenvoucher.core;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.SmokeChecks;

import static org.assertj.core.api.Assertions.assertThat;

class CoreSmokeIT extends CoreIntegrationTest {

    /** Refused before Spring MVC (by Tomcat or the security firewall), and still problem+json without internals. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/applications/..%2F..%2Fetc%2Fpasswd", "/api/applications/%2e%2e/x",
            "/api/applications;jsessionid=1", "/api//applications", "/api/applications/%00", "/no/such/page"})
    void aRefusalMadeBeforeTheControllersIsProblemJson(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).as(path).startsWith("HTTP/1.1 4").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"code\":").doesNotContain("Tomcat").doesNotContain("<html").doesNotContain("Exception");
        }
    }

    /**
     * The served OpenAPI description is the checked-in one (application-api, contract/openapi/core.json) that the
     * system tests generate a Java client from with OpenAPI Generator (GeneratedClientIT): a change of the API shows
     * here first. {@code -Dgv.contract.write=true} writes it anew. Only the servers (a random port) are left out.
     */
    @Test
    void theServedDescriptionIsTheOneClientsAreGeneratedFrom() throws Exception {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode served = (tools.jackson.databind.node.ObjectNode) json.readTree(api.get("/v3/api-docs", null).body());
        served.remove("servers");
        java.nio.file.Path file = java.nio.file.Path.of("../application-api/src/main/resources/contract/openapi/core.json");
        if (Boolean.getBoolean("gv.contract.write")) {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(json.readTree(rs.greenvoucher.infra.ContractExamples.read("openapi", "core")))
                .as("the served OpenAPI description differs from contract/openapi/core.json: run CoreSmokeIT with -Dgv.contract.write=true")
                .isEqualTo(served);
    }

    @Test
    void startsOnPostgresAndKafkaAndIsHealthy() {
        SmokeChecks.assertReadyDocumentedAndProtected(port, "/api/applications", admin(), "db");
        // the event store is core's outbox: it is ready to take submissions whether Kafka is up or not
        assertThat(api.get("/actuator/health/readiness", admin()).body()).doesNotContain("kafka");
        assertThat(api.get("/v3/api-docs", null).body()).contains("/api/reports/throughput").contains("/api/auth/token");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
        // the event store's traps are avoided: bytea payloads, a global index that grows by one
        assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = 'domain_event_entry' and column_name = 'payload'")
                .query(String.class).single()).isEqualTo("bytea");
        assertThat(jdbc.sql("select increment_by from pg_sequences where sequencename like 'domain_event_entry%'")
                .query(Long.class).single()).isEqualTo(1L);
    }
}
