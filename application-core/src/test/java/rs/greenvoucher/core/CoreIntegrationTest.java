package rs.greenvoucher.core;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import rs.greenvoucher.core.support.MutableClock;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.TestInfrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Base of core's integration tests: the real service on a random port, real PostgreSQL, real Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gv.bootstrap-admin.username=admin", "gv.bootstrap-admin.password=admin-password-for-tests",
                CoreIntegrationTest.UNTHROTTLED_ANONYMOUS, CoreIntegrationTest.UNTHROTTLED_SIGN_IN, CoreIntegrationTest.UNTHROTTLED_SIGN_UP,
                CoreIntegrationTest.UNTHROTTLED_SIGN_UPS_PER_EMAIL, "gv.limits.open-applications-per-account=1000",
                // throwaway accounts by the hundred: bcrypt at its lowest cost (production's 11 is the default)
                "gv.security.password-hash-cost=4", "gv.metrics.scrape-token=" + CoreIntegrationTest.SCRAPE_TOKEN,
                // the tests move the shared clock years ahead; an expiry run on its schedule would then expire other tests'
                // vouchers in the middle of a test that counts events (DecisionsAndExpiryIT runs it itself)
                "gv.expiry.initial-delay=P3650D", "gv.expiry.check-interval=P3650D"})
@Import(CoreIntegrationTest.TestClock.class)
public abstract class CoreIntegrationTest {

    public static final String SCRAPE_TOKEN = "scrape-token-for-tests";

    /** What the operator's Prometheus reads: /actuator/prometheus with the scrape token (docs/operations.md). */
    protected String scrape() {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("prometheus:" + SCRAPE_TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .GET().build();
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("scrape: " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One sample of the scrape: the value of {@code name} with exactly these labels (in Prometheus's order), or null. */
    protected static Double sample(String scrape, String name, String labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(labels)) {
                return Double.valueOf(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return null;
    }

    /** The tests sign up hundreds of applicants from one address; ThrottlingIT tests the real limits. */
    public static final String UNTHROTTLED_ANONYMOUS = "gv.throttle.anonymous-per-address=1000000/PT1M";
    public static final String UNTHROTTLED_SIGN_IN = "gv.throttle.sign-in-per-address=1000000/PT1M";
    public static final String UNTHROTTLED_SIGN_UP = "gv.throttle.sign-up-per-address=1000000/PT1M";
    public static final String UNTHROTTLED_SIGN_UPS_PER_EMAIL = "gv.throttle.sign-ups-per-email=1000/PT1M";

    /** Tests run in the open call "Test call 2026" unless they move the clock. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-11-22T10:00:00Z");

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpApi api;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(DEFAULT_NOW);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void setUpApi() {
        clock.set(DEFAULT_NOW);
        api = new HttpApi(port);
        ensureCall("Test call 2026", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-31"), "10000000");
    }

    protected String admin() {
        return api.token("admin", "admin-password-for-tests");
    }

    /**
     * Creates the call unless a call with that name exists; answers its id. It is opened as api-contract.md describes
     * a call, without {@code requiredDocuments}, and so requires no documents (D1, D2): every test that submits a bare
     * form to it checks that.
     */
    protected UUID ensureCall(String name, LocalDate opensOn, LocalDate closesOn, String budget) {
        return ensureCall(name, opensOn, closesOn, budget, null);
    }

    /** The same with the documents it requires ({@code requiredDocuments}, a JSON list; null to leave it out). */
    protected UUID ensureCall(String name, LocalDate opensOn, LocalDate closesOn, String budget, String requiredDocuments) {
        var existing = jdbc.sql("select id from scheme_call where name = :name").param("name", name).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var r = api.post("/api/calls", admin(), """
                {"name":"%s","opensOn":"%s","closesOn":"%s","budgetEur":%s,"maxVoucherEur":20000,
                 "maxSharePercent":90,"completionMonths":6%s}""".formatted(name, opensOn, closesOn, budget,
                requiredDocuments == null ? "" : ",\"requiredDocuments\":" + requiredDocuments));
        if (r.status() != 201) {
            throw new IllegalStateException("call: " + r.status() + " " + r.body());
        }
        return UUID.fromString(r.json().get("id").asString());
    }

    protected long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    /** A refusal in the contract's shape, with no internals. */
    protected static void assertProblem(rs.greenvoucher.infra.HttpApi.Response r, int status, String code) {
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(r.contentType()).startsWith("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(r.json().get("code").asString()).isEqualTo(code);
        org.assertj.core.api.Assertions.assertThat(r.body()).doesNotContain("Exception").doesNotContain("at rs.").doesNotContain("SQL");
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gv_core");
    }
}
