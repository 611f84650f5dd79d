package rs.greenvoucher.core;

import org.axonframework.commandhandling.gateway.CommandGateway;
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

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the event log makes possible: an application and the report as they stood at an instant, an application's
 * audit trail with the inputs of each step's moment, and a call replayed under other parameters. Each in a call of its
 * own in 2031, so that no other test's applications are in its figures.
 */
class HistoryIT extends CoreIntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    DataSource dataSource;

    /** A call of the test's own, and the moment its history starts (the day after it opens). */
    record Call(UUID id, String name, Instant start) {
    }

    /** One application's life, one step an hour, and the live view and the call's report after each step. */
    record Recorded(UUID id, String applicant, String trackingCode, List<Instant> steps, List<String> live, List<String> reports) {
    }

    @Test
    void anApplicationAsOfEachInstantIsExactlyWhatTheLiveViewShowedThen() {
        Call call = historyCall();
        Recorded r = record(call);
        for (int i = 0; i < r.steps().size(); i++) {
            Instant between = r.steps().get(i).plus(Duration.ofMinutes(30)); // after step i, before step i + 1
            Response asOf = api.get("/api/applications/" + r.id() + "?asOf=" + between, r.applicant());
            assertThat(asOf.status()).isEqualTo(200);
            assertSameJson(asOf.body(), r.live().get(i), "application as of step " + i);
            // staff see the same
            assertSameJson(api.get("/api/applications/" + r.id() + "?asOf=" + between, manager()).body(), r.live().get(i), "staff, step " + i);
        }
        // before it was submitted it did not exist; someone else's is as absent as a missing one
        assertProblem(api.get("/api/applications/" + r.id() + "?asOf=" + call.start().minusSeconds(1), r.applicant()), 404, "NOT_FOUND");
        assertProblem(api.get("/api/applications/" + r.id() + "?asOf=" + call.start().plusSeconds(60), api.newApplicant("sr")), 404, "NOT_FOUND");
        assertProblem(api.get("/api/applications/" + r.id() + "?asOf=yesterday", r.applicant()), 400, "VALIDATION_FAILED");
    }

    @Test
    void theReportAsOfEachInstantIsTheReportAsItWasThen() {
        Call call = historyCall();
        Recorded r = record(call);
        for (int i = 0; i < r.steps().size(); i++) {
            Instant between = r.steps().get(i).plus(Duration.ofMinutes(30));
            Response asOf = api.get("/api/reports/throughput?callId=" + call.id() + "&asOf=" + between, manager());
            assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
            assertSameJson(asOf.body(), r.reports().get(i), "report as of step " + i);
        }
        long events = eventCount();
        api.get("/api/reports/throughput?callId=" + call.id() + "&asOf=" + call.start(), manager());
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from report_application where call_id = :c").param("c", call.id()).query(Long.class).single())
                .as("the replay wrote nothing").isEqualTo(jdbc.sql("select count(*) from application_view where call_id = :c")
                        .param("c", call.id()).query(Long.class).single());
    }

    /**
     * Real concurrent requests: the first replay is held inside its transaction by a lock this test takes on the
     * calls' table; a second asked for meanwhile is refused at once, and the first answers once the lock is gone.
     */
    @Test
    void aReplayAskedForWhileAnotherRunsIsRefusedAtOnceAndTheFirstStillAnswers() throws Exception {
        Call call = historyCall();
        String manager = manager();
        CompletableFuture<Response> first;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table scheme_call in access exclusive mode");
            first = CompletableFuture.supplyAsync(() -> api.get("/api/reports/throughput?callId=" + call.id() + "&asOf="
                    + call.start(), manager));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like '%public.scheme_call%'""").query(Long.class).single() == 1);

            Response second = api.post("/api/reports/what-if", manager, "{\"callId\":\"" + call.id() + "\"}");
            assertProblem(second, 429, "TOO_MANY_REQUESTS");
            assertThat(second.headers().firstValue("Retry-After")).contains("5");
            assertThat(first).isNotDone();
            lock.rollback();
        }
        Response answered = first.get(60, TimeUnit.SECONDS);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(whatIf(manager, "{\"callId\":\"" + call.id() + "\"}").get("writesNothing").asBoolean()).isTrue();
    }

    @Test
    void theAuditShowsEachStepWithWhoWhyAndTheInputsOfItsMomentNotTodays() {
        Call call = historyCall();
        Recorded r = record(call);
        // after the history, provider 23 leaves the list: the audit still shows it as it was when the steps were taken
        clock.set(call.start().plus(Duration.ofDays(90)));
        String admin = admin();
        assertThat(api.post("/api/providers/23/deactivate", admin, "{\"reason\":\"audit test\"}").status()).isEqualTo(200);
        try {
            JsonNode audit = api.get("/api/applications/" + r.id() + "/audit", manager()).json();
            assertThat(audit.get("trackingCode").asString()).isEqualTo(r.trackingCode());
            List<String> events = new ArrayList<>();
            audit.get("entries").forEach(e -> events.add(e.get("event").asString()));
            assertThat(events).containsExactly("ApplicationSubmitted", "ApplicationScreened", "ProvidersMatched", "VoucherApproved",
                    "CompletionReported", "VoucherCompleted");
            JsonNode submitted = audit.get("entries").get(0);
            JsonNode screened = audit.get("entries").get(1);
            assertThat(submitted.get("by").asString()).isEqualTo(applicantId(r));
            assertThat(screened.get("by").asString()).isEqualTo("eva");
            assertThat(screened.get("why").asString()).isEqualTo("Prijava je uredna.");
            assertThat(screened.get("checks").get(0).get("rule").asString()).isEqualTo("E2");
            // the auto-checks the queue showed: every one the rules decide, with its result
            assertThat(screened.get("autoChecks")).hasSizeGreaterThan(5);
            assertThat(screened.get("autoChecks").findValuesAsString("rule")).contains("E2", "S4");
            assertThat(screened.get("call").get("name").asString()).isEqualTo(call.name());
            assertThat(screened.get("call").get("maxVoucherEur").decimalValue()).isEqualByComparingTo("20000");
            JsonNode matched = audit.get("entries").get(2);
            assertThat(matched.get("providerList").get("version").asLong()).isPositive();
            assertThat(matched.get("providerList").get("providers").findValuesAsString("code")).contains("12", "23");
            for (JsonNode p : matched.get("providerList").get("providers")) {
                assertThat(p.get("active").asBoolean()).as("provider " + p.get("code") + " was active then").isTrue();
            }
            JsonNode approved = audit.get("entries").get(3);
            assertThat(approved.get("data").get("amount").decimalValue()).isEqualByComparingTo("10800");
            assertThat(approved.get("why").asString()).isEqualTo("Strong project.");

            Response csv = api.get("/api/applications/" + r.id() + "/audit", manager(), "text/csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[0]).startsWith("\uFEFFsequence,event,at,by,by_name,why");
            assertThat(lines).hasSize(1 + 6);
            assertThat(lines[2]).contains("ApplicationScreened", "eva", "Prijava je uredna.", call.name());

            // staff only
            assertProblem(api.get("/api/applications/" + r.id() + "/audit", r.applicant()), 403, "FORBIDDEN");
            assertProblem(api.get("/api/applications/" + UUID.randomUUID() + "/audit", manager()), 404, "NOT_FOUND");
        } finally {
            api.post("/api/providers/23/reactivate", admin, "");
        }
    }

    @Test
    void aCallReplayedUnderOtherParametersSaysWhatWouldHaveFittedAndWritesNothing() {
        Call call = historyCall();
        Recorded a = record(call); // EUR 10,800, completed two months after its approval
        String applicant = api.newApplicant("sr");
        JsonNode submittedB = submit(applicant, call.start().plus(Duration.ofDays(1)), "9000");
        UUID b = UUID.fromString(submittedB.get("id").asString());
        String trackingB = submittedB.get("trackingCode").asString();
        at(call.start().plus(Duration.ofDays(2)), () -> commands.sendAndWait(new ScreenApplication(b, UUID.randomUUID(), true, List.of(), "", "eva")));
        at(call.start().plus(Duration.ofDays(3)), () -> commands.sendAndWait(new MatchProviders(b, UUID.randomUUID(), List.of(new ProviderCode("12")), "", "eva")));
        at(call.start().plus(Duration.ofDays(4)), () -> commands.sendAndWait(new DecideOnApplication(b, UUID.randomUUID(), true,
                Money.eur("9000"), new Scores(3, 4, 4), List.of(), "", "committee")));
        long events = eventCount();
        String manager = manager();

        JsonNode same = whatIf(manager, "{\"callId\":\"" + call.id() + "\"}");
        assertThat(same.get("writesNothing").asBoolean()).isTrue();
        assertThat(same.get("approved").asInt()).as(same.toString()).isEqualTo(2);
        assertThat(same.get("wouldFit").asInt()).as(same.toString()).isEqualTo(2);
        assertThat(same.get("committedEur").get("whatIf").decimalValue()).isEqualByComparingTo(same.get("committedEur").get("actual").decimalValue());
        assertThat(same.get("paidEur").get("whatIf").decimalValue()).isEqualByComparingTo("10800");

        // a smaller maximum voucher: the EUR 10,800 approval would have broken S4
        JsonNode smaller = whatIf(manager, "{\"callId\":\"" + call.id() + "\",\"maxVoucherEur\":10000}");
        assertThat(smaller.get("refusedByS4").findValuesAsString("trackingCode")).containsExactly(a.trackingCode());
        assertThat(smaller.get("wouldFit").asInt()).isEqualTo(1);
        assertThat(smaller.get("committedEur").get("whatIf").decimalValue()).isEqualByComparingTo("9000");

        // a smaller budget: the later approval would have found it spent (L4)
        JsonNode poorer = whatIf(manager, "{\"callId\":\"" + call.id() + "\",\"budgetEur\":15000}");
        assertThat(poorer.get("refusedByL4").findValuesAsString("trackingCode")).containsExactly(trackingB);
        assertThat(poorer.get("refusedByS4")).isEmpty();

        // one month to complete: the voucher completed after two would have expired, and nothing would have been paid
        JsonNode hurried = whatIf(manager, "{\"callId\":\"" + call.id() + "\",\"completionMonths\":1}");
        assertThat(hurried.get("wouldHaveExpired").findValuesAsString("trackingCode")).containsExactly(a.trackingCode());
        assertThat(hurried.get("paidEur").get("whatIf").decimalValue()).isEqualByComparingTo("0");

        assertThat(eventCount()).isEqualTo(events);
        assertProblem(api.post("/api/reports/what-if", manager, "{\"callId\":\"" + call.id() + "\",\"maxSharePercent\":120}"), 400, "VALIDATION_FAILED");
        assertProblem(api.post("/api/reports/what-if", manager, "{\"callId\":\"" + UUID.randomUUID() + "\"}"), 404, "NOT_FOUND");
        assertProblem(api.post("/api/reports/what-if", applicant, "{\"callId\":\"" + call.id() + "\"}"), 403, "FORBIDDEN");
    }

    @Test
    void anApplicantDownloadsEverythingCoreKeepsAboutThemAndNothingOfOthers() {
        Call call = historyCall();
        String applicant = api.newApplicant("en");
        JsonNode submitted = submit(applicant, call.start(), "10800");
        UUID id = UUID.fromString(submitted.get("id").asString());
        at(call.start().plusSeconds(3600), () -> commands.sendAndWait(new ScreenApplication(id, UUID.randomUUID(), true,
                List.of(), "Prijava je uredna.", "eva")));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + id, applicant).json().get("status").asString()
                .equals("SCREENED"));
        String someoneElse = api.newApplicant("sr");
        submit(someoneElse, call.start().plusSeconds(60), "9000");

        Response data = api.get("/api/accounts/me/data", applicant);
        assertThat(data.status()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode mine = data.json();
        assertThat(mine.get("account").get("role").asString()).isEqualTo("APPLICANT");
        assertThat(mine.get("applications")).hasSize(1);
        JsonNode application = mine.get("applications").get(0);
        assertThat(application.get("trackingCode").asString()).isEqualTo(submitted.get("trackingCode").asString());
        assertThat(application.get("current").get("status").asString()).isEqualTo("SCREENED");
        List<String> types = new ArrayList<>();
        application.get("events").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactly("ApplicationSubmitted", "ApplicationScreened");
        assertThat(application.get("events").get(0).get("data").get("form").get("enterprise").get("contactName").asString())
                .isEqualTo("Ana Petrović");
        assertThat(data.body()).doesNotContain("passwordHash").doesNotContain("$2a$");
    }

    private JsonNode whatIf(String manager, String body) {
        Response r = api.post("/api/reports/what-if", manager, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /**
     * Submits and takes one application through every step, an hour apart (the completion two months after the
     * approval), waiting after each for the live view and the report to show it, and keeping both.
     */
    private Recorded record(Call call) {
        String applicant = api.newApplicant("sr");
        String manager = manager();
        List<Instant> steps = new ArrayList<>();
        List<String> live = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        JsonNode submitted = submit(applicant, call.start(), "10800");
        UUID id = UUID.fromString(submitted.get("id").asString());
        Runnable[] actions = {
                () -> commands.sendAndWait(new ScreenApplication(id, UUID.randomUUID(), true,
                        List.of(new RuleCheck(RuleCode.E2, true, "42 employees")), "Prijava je uredna.", "eva")),
                () -> commands.sendAndWait(new MatchProviders(id, UUID.randomUUID(), List.of(new ProviderCode("12"), new ProviderCode("23")), "", "eva")),
                () -> commands.sendAndWait(new DecideOnApplication(id, UUID.randomUUID(), true, Money.eur("10800"), new Scores(5, 4, 4),
                        List.of(), "Strong project.", "committee")),
                () -> assertThat(api.post("/api/applications/" + id + "/completion-report", applicant, """
                        {"summary":"Gotovo.","deliverables":["Prototip"],"invoicedEur":12000,
                         "environmentalResults":[{"indicator":"WASTE_REDUCED","unit":"t/year","value":78.5}]}""").status()).isEqualTo(200),
                () -> commands.sendAndWait(new VerifyCompletion(id, UUID.randomUUID(), true, "", "eva"))};
        Instant at = call.start();
        steps.add(at);
        capture(id, applicant, manager, call, 1, live, reports);
        for (int i = 0; i < actions.length; i++) {
            at = i == 3 ? at.plus(Duration.ofDays(60)) : at.plus(Duration.ofHours(1));
            clock.set(at);
            actions[i].run();
            steps.add(at);
            capture(id, applicant, manager, call, i + 2, live, reports);
        }
        return new Recorded(id, applicant, submitted.get("trackingCode").asString(), steps, live, reports);
    }

    /** Waits until the view has the step's timeline line and the report has caught up with it, then keeps both. */
    private void capture(UUID id, String applicant, String manager, Call call, int timeline, List<String> live, List<String> reports) {
        String doc = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + id, applicant),
                r -> r.status() == 200 && r.json().get("timeline").size() == timeline).body();
        String status = api.get("/api/applications/" + id, applicant).json().get("status").asString();
        String report = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/reports/throughput?callId=" + call.id(), manager),
                r -> r.status() == 200 && r.json().get("countsByStatus").get(status).asLong() == 1
                        && r.json().get("funnel").get("submitted").asLong() >= 1).body();
        live.add(doc);
        reports.add(report);
    }

    private JsonNode submit(String token, Instant at, String requested) {
        clock.set(at);
        Response r = api.post("/api/applications", token, TestData.application(TestData.mb(), "22.22", "[\"12\", \"23\"]", requested));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private void at(Instant instant, Runnable action) {
        clock.set(instant);
        action.run();
    }

    /** A call of this test's own: each test makes a new one, a year apart, so their figures never mix. */
    private Call historyCall() {
        int year = 2031 + jdbc.sql("select count(*) from scheme_call where name like 'History call %'").query(Integer.class).single();
        LocalDate opens = LocalDate.of(year, 3, 1);
        UUID id = ensureCall("History call " + year, opens, opens.plusDays(30), "100000");
        return new Call(id, "History call " + year, opens.plusDays(1).atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
    }

    private String manager() {
        String username = "history-manager";
        if (jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Integer.class).single() == 0) {
            assertThat(api.post("/api/accounts/staff", admin(), """
                    {"username":"%s","password":"manager-password-123","fullName":"Miloš Stanković","role":"MANAGER"}"""
                    .formatted(username)).status()).isEqualTo(201);
        }
        return api.token(username, "manager-password-123");
    }

    private String applicantId(Recorded r) {
        return jdbc.sql("select applicant_id from application_view where id = :id").param("id", r.id()).query(String.class).single();
    }

    /** The same JSON: same fields and values, numbers compared by value. */
    static void assertSameJson(String actual, String expected, String what) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        JsonNode a = json.readTree(actual);
        JsonNode e = json.readTree(expected);
        assertThat(a.equals((x, y) -> x.isNumber() && y.isNumber()
                ? new BigDecimal(x.asString()).compareTo(new BigDecimal(y.asString())) : x.equals(y) ? 0 : 1, e))
                .as(what + ":\n" + a + "\n  is not\n" + e).isTrue();
    }
}
