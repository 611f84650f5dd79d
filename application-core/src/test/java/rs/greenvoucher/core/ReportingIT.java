package rs.greenvoucher.core;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rs.greenvoucher.core.voucher.decide.DecideOnApplication;
import rs.greenvoucher.core.voucher.match.MatchProviders;
import rs.greenvoucher.core.voucher.screen.ScreenApplication;
import rs.greenvoucher.core.voucher.verify.VerifyCompletion;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A known history on a controlled clock, and every figure of the report checked against it. */
class ReportingIT extends CoreIntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    static final String QUERY = "/api/reports/throughput?from=2026-11-01&to=2026-11-21";

    @Test
    void everyFigureMatchesTheHistoryAndSurvivesARebuild() {
        String token = api.newApplicant("sr");
        UUID a = submit(token, "2026-11-02T09:00:00Z", "22.22", "[\"12\", \"23\"]", "Vojvodina");
        UUID b = submit(token, "2026-11-03T09:00:00Z", "11.02", "[\"12\"]", "Vojvodina");
        UUID c = submit(token, "2026-11-10T12:00:00Z", "62.01", "[\"12\", \"23\"]", "Šumadija and Western Serbia");
        UUID d = submit(token, "2026-11-10T13:00:00Z", "22.22", "[\"23\"]", "Vojvodina");

        at("2026-11-03T09:00:00Z", () -> commands.sendAndWait(new ScreenApplication(a, UUID.randomUUID(), true, List.of(), "", "eva")));
        at("2026-11-05T09:00:00Z", () -> commands.sendAndWait(new MatchProviders(a, UUID.randomUUID(), List.of(new ProviderCode("12")), "", "eva")));
        at("2026-11-08T09:00:00Z", () -> commands.sendAndWait(new DecideOnApplication(a, UUID.randomUUID(), true, Money.eur("10800"),
                new Scores(5, 4, 4), List.of(), "", "committee")));
        at("2026-11-20T09:00:00Z", () -> assertThat(api.post("/api/applications/" + a + "/completion-report", token, """
                {"summary":"Gotovo.","deliverables":["Prototip"],"invoicedEur":12000,
                 "environmentalResults":[{"indicator":"WASTE_REDUCED","unit":"t/year","value":78}]}""").status()).isEqualTo(200));
        at("2026-11-21T09:00:00Z", () -> commands.sendAndWait(new VerifyCompletion(a, UUID.randomUUID(), true, "", "eva")));

        at("2026-11-04T09:00:00Z", () -> commands.sendAndWait(new ScreenApplication(b, UUID.randomUUID(), false,
                List.of(new RuleCheck(RuleCode.E6, false, "winery")), "Excluded sector.", "eva")));

        at("2026-11-10T18:00:00Z", () -> commands.sendAndWait(new ScreenApplication(c, UUID.randomUUID(), true, List.of(), "", "eva")));
        at("2026-11-11T10:00:00Z", () -> assertThat(api.post("/api/applications/" + c + "/withdraw", token, "{}").status()).isEqualTo(200));

        at("2026-11-12T13:00:00Z", () -> commands.sendAndWait(new ScreenApplication(d, UUID.randomUUID(), true, List.of(), "", "eva")));
        at("2026-11-13T13:00:00Z", () -> commands.sendAndWait(new MatchProviders(d, UUID.randomUUID(), List.of(new ProviderCode("23")), "", "eva")));
        at("2026-11-16T13:00:00Z", () -> commands.sendAndWait(new DecideOnApplication(d, UUID.randomUUID(), true, Money.eur("9000"),
                new Scores(3, 3, 4), List.of(), "", "committee")));

        String manager = managerToken();
        JsonNode report = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(QUERY, manager).json(),
                r -> r.get("funnel").get("completed").asLong() == 1 && r.get("countsByStatus").get("APPROVED").asLong() == 1);

        JsonNode counts = report.get("countsByStatus");
        assertThat(counts.get("COMPLETED").asLong()).isEqualTo(1);
        assertThat(counts.get("REJECTED").asLong()).isEqualTo(1);
        assertThat(counts.get("WITHDRAWN").asLong()).isEqualTo(1);
        assertThat(counts.get("SUBMITTED").asLong()).isZero();
        JsonNode funnel = report.get("funnel");
        assertThat(List.of(funnel.get("submitted").asLong(), funnel.get("screened").asLong(), funnel.get("matched").asLong(),
                funnel.get("approved").asLong(), funnel.get("completed").asLong())).containsExactly(4L, 3L, 2L, 2L, 1L);

        JsonNode stages = report.get("stageTimes");
        assertStage(stages.get(0), "SCREENING", 3, "24.00", "43.20");           // 6 h, 24 h, 48 h
        assertStage(stages.get(1), "PROVIDER_MATCHING", 2, "36.00", "45.60");   // 48 h, 24 h
        assertStage(stages.get(2), "COMMITTEE", 2, "72.00", "72.00");
        assertStage(stages.get(3), "IMPLEMENTATION", 1, "288.00", "288.00");
        assertStage(stages.get(4), "COMPLETION_VERIFICATION", 1, "24.00", "24.00");

        JsonNode weeks = report.get("weeks");
        assertThat(weeks).hasSize(3);
        assertWeek(weeks.get(0), "2026-11-02", 2, 1);
        assertWeek(weeks.get(1), "2026-11-09", 2, 0);
        assertWeek(weeks.get(2), "2026-11-16", 0, 1);
        assertThat(weeks.get(0).get("approvedEur").decimalValue()).isEqualByComparingTo("10800");
        assertThat(weeks.get(1).get("approvedEur").decimalValue()).isEqualByComparingTo("0");
        assertThat(weeks.get(2).get("approvedEur").decimalValue()).isEqualByComparingTo("9000");

        // the winery (b) was rejected at screening for E6 alone
        JsonNode rejections = report.get("rejections");
        assertThat(rejections).hasSize(1);
        assertThat(rejections.get(0).get("stage").asString()).isEqualTo("SCREENING");
        assertThat(rejections.get(0).get("rule").asString()).isEqualTo("E6");
        assertThat(rejections.get(0).get("applications").asLong()).isEqualTo(1);

        assertThat(report.get("byRegion")).hasSize(2);
        assertBreakdown(report.get("byRegion").get(0), "Vojvodina", 3, 2, "19800.00");
        assertBreakdown(report.get("byRegion").get(1), "Šumadija and Western Serbia", 1, 0, "0.00");
        assertBreakdown(report.get("byNaceSection").get(0), "C", 3, 2, "19800.00");
        assertBreakdown(report.get("byNaceSection").get(1), "J", 1, 0, "0.00");
        assertBreakdown(report.get("byProvider").get(0), "12", 3, 1, "10800.00");
        assertBreakdown(report.get("byProvider").get(1), "23", 2, 1, "9000.00");
        assertThat(report.get("byProvider").get(0).get("name").asString()).isEqualTo("Faculty of Technology and Metallurgy, University of Belgrade");

        JsonNode call = null;
        for (JsonNode m : report.get("money")) {
            if (m.get("name").asString().equals("Test call 2026")) {
                call = m;
            }
        }
        assertThat(call).isNotNull();
        assertThat(call.get("budgetEur").decimalValue()).isEqualByComparingTo("10000000");
        assertThat(call.get("committedInFilterEur").decimalValue()).isEqualByComparingTo("19800");
        // the completion made EUR 10 800 payable; nobody paid a provider (docs/adr/0032: paid is what the bank paid)
        assertThat(call.get("paidInFilterEur").decimalValue()).isEqualByComparingTo("0");
        assertThat(call.get("dueEur").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("10800"));
        assertCallsOwnMoney(call, manager);

        JsonNode waste = report.get("environment").get(0);
        assertThat(waste.get("indicator").asString()).isEqualTo("WASTE_REDUCED");
        assertThat(waste.get("applications").asLong()).isEqualTo(4);
        assertThat(waste.get("baselineSum").decimalValue()).isEqualByComparingTo("480");
        assertThat(waste.get("targetSum").decimalValue()).isEqualByComparingTo("320");
        assertThat(waste.get("resultSum").decimalValue()).isEqualByComparingTo("78");

        // CSV: a header row, UTF-8 with the diacritics intact
        Response csv = api.get(QUERY + "&format=csv", manager);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFsection,key,name,metric,value\r\n")
                .contains("region,Šumadija and Western Serbia,Šumadija and Western Serbia,submitted,1")
                .contains("funnel,completed,,applications,1");

        // only managers and admins
        assertThat(api.get(QUERY, token).status()).isEqualTo(403);

        // rebuilt from the events: the same figures
        StreamingEventProcessor processor = processing.eventProcessor("reporting", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        String before = report.toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(QUERY, manager).json().toString().equals(before));
    }

    /**
     * What a call has committed and has left is the call's, whatever the dates: a filter that leaves out the approval
     * of 2 November shows only the 16 November one as its own, beside the call's whole figures.
     */
    @Test
    void aCallsCommittedAndRemainingMoneyDoNotDependOnTheDatesFilter() {
        String token = api.newApplicant("sr");
        UUID early = submit(token, "2026-11-02T09:00:00Z", "22.22", "[\"12\"]", "Vojvodina");
        UUID late = submit(token, "2026-11-10T12:00:00Z", "22.22", "[\"23\"]", "Vojvodina");
        for (UUID id : List.of(early, late)) {
            at("2026-11-11T09:00:00Z", () -> commands.sendAndWait(new ScreenApplication(id, UUID.randomUUID(), true, List.of(), "", "eva")));
            at("2026-11-12T09:00:00Z", () -> commands.sendAndWait(new MatchProviders(id, UUID.randomUUID(),
                    List.of(new ProviderCode(id.equals(early) ? "12" : "23")), "", "eva")));
        }
        at("2026-11-13T09:00:00Z", () -> commands.sendAndWait(new DecideOnApplication(early, UUID.randomUUID(), true, Money.eur("10800"),
                new Scores(5, 4, 4), List.of(), "", "committee")));
        at("2026-11-14T09:00:00Z", () -> commands.sendAndWait(new DecideOnApplication(late, UUID.randomUUID(), true, Money.eur("9000"),
                new Scores(3, 3, 4), List.of(), "", "committee")));
        String manager = managerToken();
        String query = "/api/reports/throughput?from=2026-11-09&to=2026-11-10";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(query, manager).json().get("funnel").get("approved").asLong() >= 1);
        JsonNode call = testCall(api.get(query, manager).json());
        assertThat(call.get("committedInFilterEur").decimalValue()).isEqualByComparingTo(
                jdbc.sql("""
                        select coalesce(sum(approved_eur), 0) from report_application where call_id = :call
                          and status in ('APPROVED', 'COMPLETION_REPORTED', 'COMPLETED')
                          and (submitted_at at time zone 'Europe/Belgrade')::date between date '2026-11-09' and date '2026-11-10'""")
                        .param("call", UUID.fromString(call.get("callId").asString())).query(java.math.BigDecimal.class).single());
        assertCallsOwnMoney(call, manager);
        // the approval of an application submitted before the filter still counts against the call's budget
        assertThat(call.get("committedEur").decimalValue().subtract(call.get("committedInFilterEur").decimalValue()))
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("10800"));
    }

    /** The call's committed, paid and remaining as the unfiltered report has them, and as its rows add up. */
    void assertCallsOwnMoney(JsonNode call, String manager) {
        JsonNode whole = testCall(api.get("/api/reports/throughput", manager).json());
        UUID id = UUID.fromString(call.get("callId").asString());
        java.math.BigDecimal committed = jdbc.sql("""
                        select coalesce(sum(approved_eur), 0) from report_application
                        where call_id = :call and status in ('APPROVED', 'COMPLETION_REPORTED', 'COMPLETED')""")
                .param("call", id).query(java.math.BigDecimal.class).single();
        assertThat(call.get("committedEur").decimalValue()).isEqualByComparingTo(committed)
                .isEqualByComparingTo(whole.get("committedEur").decimalValue());
        assertThat(call.get("paidEur").decimalValue()).isEqualByComparingTo(whole.get("paidEur").decimalValue());
        assertThat(call.get("remainingEur").decimalValue())
                .isEqualByComparingTo(call.get("budgetEur").decimalValue().subtract(committed));
    }

    static JsonNode testCall(JsonNode report) {
        for (JsonNode m : report.get("money")) {
            if (m.get("name").asString().equals("Test call 2026")) {
                return m;
            }
        }
        throw new AssertionError("no Test call 2026 in " + report.get("money"));
    }

    String managerToken() {
        String username = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/accounts/staff", admin(), """
                {"username":"%s","password":"manager-password-123","fullName":"Miloš Stanković","role":"MANAGER"}"""
                .formatted(username)).status()).isEqualTo(201);
        return api.token(username, "manager-password-123");
    }

    UUID submit(String token, String at, String nace, String providers, String region) {
        clock.set(Instant.parse(at));
        Response r = api.post("/api/applications", token,
                TestData.application(TestData.mb(), nace, providers, "10800").replace("\"Vojvodina\"", "\"" + region + "\""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    void at(String instant, Runnable action) {
        clock.set(Instant.parse(instant));
        action.run();
    }

    static void assertStage(JsonNode s, String stage, long n, String median, String p90) {
        assertThat(s.get("stage").asString()).isEqualTo(stage);
        assertThat(s.get("applications").asLong()).isEqualTo(n);
        assertThat(s.get("medianHours").decimalValue()).isEqualByComparingTo(median);
        assertThat(s.get("p90Hours").decimalValue()).isEqualByComparingTo(p90);
    }

    static void assertWeek(JsonNode w, String week, long submissions, long approvals) {
        assertThat(w.get("weekStarting").asString()).isEqualTo(week);
        assertThat(w.get("submissions").asLong()).isEqualTo(submissions);
        assertThat(w.get("approvals").asLong()).isEqualTo(approvals);
    }

    static void assertBreakdown(JsonNode b, String key, long submitted, long approved, String eur) {
        assertThat(b.get("key").asString()).isEqualTo(key);
        assertThat(b.get("submitted").asLong()).isEqualTo(submitted);
        assertThat(b.get("approved").asLong()).isEqualTo(approved);
        assertThat(b.get("approvedEur").decimalValue()).isEqualByComparingTo(eur);
    }
}
