package rs.greenvoucher.core.drafts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rs.greenvoucher.core.CoreIntegrationTest;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's drafts and the dry run of a submission, through HTTP, on PostgreSQL. */
class DraftsAndChecksIT extends CoreIntegrationTest {

    @Autowired
    Drafts drafts;

    private static final String TYPED = """
            {"form":{"enterprise":{"name":"Eko Plast d.o.o. — Еко Пласт","mb":"1234"},
                     "project":{"services":[{"costEur":"12.000,50"}]}},"step":3}""";

    @Test
    void aDraftKeepsWhatWasTypedAndIsItsApplicantsAlone() {
        String ana = api.newApplicant("sr");
        String marko = api.newApplicant("en");
        Response created = api.post("/api/drafts", ana, TYPED);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/drafts/" + id);

        JsonNode read = api.get("/api/drafts/" + id, ana).json();
        assertThat(read.get("form").get("enterprise").get("name").asString()).isEqualTo("Eko Plast d.o.o. — Еко Пласт");
        assertThat(read.get("form").get("project").get("services").get(0).get("costEur").asString()).isEqualTo("12.000,50");
        assertThat(read.get("step").asInt()).isEqualTo(3);

        assertProblem(api.get("/api/drafts/" + id, marko), 404, "NOT_FOUND");
        assertProblem(api.put("/api/drafts/" + id, marko, TYPED), 404, "NOT_FOUND");
        assertProblem(api.delete("/api/drafts/" + id, marko), 404, "NOT_FOUND");
        assertThat(api.get("/api/drafts", marko).json()).isEmpty();

        Response saved = api.put("/api/drafts/" + id, ana, "{\"form\":{\"project\":{\"title\":\"PET\"}},\"step\":5}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("step").asInt()).isEqualTo(5);
        assertThat(saved.json().get("form").get("project").get("title").asString()).isEqualTo("PET");
        assertThat(api.delete("/api/drafts/" + id, ana).status()).isEqualTo(204);
        assertProblem(api.get("/api/drafts/" + id, ana), 404, "NOT_FOUND");
    }

    @Test
    void aDraftIsAnObjectWithinItsLimits() {
        String ana = api.newApplicant("sr");
        assertProblem(api.post("/api/drafts", ana, "{\"form\":[1,2],\"step\":1}"), 400, "VALIDATION_FAILED");
        assertProblem(api.post("/api/drafts", ana, "{\"form\":{},\"step\":8}"), 400, "VALIDATION_FAILED");
        // a step is a number: not its text, and an empty text is not "no step" (HostileInputIT, seed 40818024900417)
        assertProblem(api.post("/api/drafts", ana, "{\"form\":{},\"step\":\"2\"}"), 400, "VALIDATION_FAILED");
        assertProblem(api.post("/api/drafts", ana, "{\"form\":{},\"step\":\"\"}"), 400, "VALIDATION_FAILED");
        assertProblem(api.post("/api/drafts", ana, "{\"form\":{\"x\":\"" + "a".repeat(140_000) + "\"}}"), 400, "VALIDATION_FAILED");
        for (int i = 0; i < Drafts.MAX_DRAFTS_PER_APPLICANT; i++) {
            assertThat(api.post("/api/drafts", ana, "{\"form\":{}}").status()).isEqualTo(201);
        }
        assertProblem(api.post("/api/drafts", ana, "{\"form\":{}}"), 409, "TOO_MANY_DRAFTS");
    }

    @Test
    void submittingWithTheDraftDeletesTheDraft() {
        String ana = api.newApplicant("sr");
        String draft = api.post("/api/drafts", ana, TYPED).json().get("id").asString();
        Response submitted = api.post("/api/applications?draftId=" + draft, ana, TestData.application(TestData.mb()));
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(api.get("/api/drafts", ana).json()).isEmpty();
    }

    @Test
    void theDraftsOfAClosedCallAreDeleted() {
        String ana = api.newApplicant("sr");
        String draft = api.post("/api/drafts", ana, TYPED).json().get("id").asString();
        clock.set(Instant.parse("2027-01-05T10:00:00Z")); // the test call closed on 31 December 2026
        assertThat(drafts.deleteDraftsOfClosedCalls()).isGreaterThanOrEqualTo(1);
        clock.set(DEFAULT_NOW);
        assertProblem(api.get("/api/drafts/" + draft, ana), 404, "NOT_FOUND");
    }

    @Test
    void aDryRunListsEveryRefusalAtOnceAndWritesNothing() {
        String ana = api.newApplicant("sr");
        String mb = TestData.mb();
        assertThat(api.post("/api/applications", api.newApplicant("sr"), TestData.application(mb)).status()).isEqualTo(201);
        long events = eventCount();
        long claims = jdbc.sql("select count(*) from enterprise_claim").query(Long.class).single();

        // over 90 % (S4, E10), a provider not on the list, and an enterprise that holds its one voucher already (L1)
        Response r = api.post("/api/applications/checks", ana, TestData.application(mb, "22.22", "[\"12\", \"98\"]", "11000"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.get("ready").asBoolean()).isFalse();
        List<String> codes = new ArrayList<>();
        result.get("problems").forEach(p -> codes.add(p.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("SCHEME_RULE_VIOLATED", "UNKNOWN_PROVIDER", "ONE_VOUCHER_PER_ENTERPRISE");
        JsonNode scheme = result.get("problems").get(codes.indexOf("SCHEME_RULE_VIOLATED"));
        assertThat(scheme.get("rules").toString()).contains("S4").contains("E10");
        assertThat(scheme.get("fields").get(0).get("field").asString()).isEqualTo("project.requestedVoucherEur");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from enterprise_claim").query(Long.class).single()).isEqualTo(claims);
        assertThat(api.get("/api/applications", ana).json().get("total").asLong()).isZero();
    }

    @Test
    void aDryRunOfAGoodFormIsReadyAndNamesTheEligibilityRulesScreeningWouldFind() {
        String ana = api.newApplicant("sr");
        String form = TestData.application(TestData.mb()).replace("\"employees\": 42", "\"employees\": 5");
        JsonNode result = api.post("/api/applications/checks", ana, form).json();
        assertThat(result.get("ready").asBoolean()).isTrue();
        assertThat(result.get("problems")).isEmpty();
        assertThat(result.get("eligibility").toString()).isEqualTo("[\"E2\"]");
    }

    @Test
    void aDryRunOfAnIncompleteFormNamesEveryMissingField() {
        String ana = api.newApplicant("sr");
        JsonNode result = api.post("/api/applications/checks", ana, "{\"enterprise\":{\"name\":\"Eko\"}}").json();
        assertThat(result.get("ready").asBoolean()).isFalse();
        JsonNode problem = result.get("problems").get(0);
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("fields").toString()).contains("enterprise.mb").contains("project").contains("declarations");
    }

    /**
     * Facts that cannot be true are refused on their field at the door (400), a service already started by E9 (422),
     * and the dry run says the same before the submission; nothing is stored.
     */
    @Test
    void aFutureRegistrationAnAbsurdAmountAndAStartedServiceAreRefusedOnTheirFields() {
        String ana = api.newApplicant("sr");
        long events = eventCount();
        String good = TestData.application(TestData.mb());

        Response future = api.post("/api/applications", ana, good.replace("\"registeredOn\": \"2015-03-01\"", "\"registeredOn\": \"2026-11-23\""));
        assertProblem(future, 400, "VALIDATION_FAILED");
        assertThat(future.json().get("errors").toString()).contains("enterprise.registeredOn").contains("cannot be in the future");

        Response absurd = api.post("/api/applications", ana, good.replace("\"costEur\": 12000", "\"costEur\": 1000000000000000"));
        assertProblem(absurd, 400, "VALIDATION_FAILED");
        assertThat(absurd.body()).contains("project.services[0].costEur");
        Response tooRich = api.post("/api/applications", ana, good.replace("\"costEur\": 12000", "\"costEur\": 1000000.01"));
        assertProblem(tooRich, 400, "VALIDATION_FAILED");
        assertThat(tooRich.json().get("errors").toString()).contains("project.services[0].costEur").contains("at most EUR 1000000");

        String started = good.replace("\"plannedStart\": \"2045-02-01\"", "\"plannedStart\": \"2026-11-22\"");
        Response refused = api.post("/api/applications", ana, started);
        assertProblem(refused, 422, "SCHEME_RULE_VIOLATED");
        assertThat(refused.json().get("ruleCodes").toString()).isEqualTo("[\"E9\"]");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("project.plannedStart");
        assertThat(eventCount()).isEqualTo(events);

        JsonNode dryRun = api.post("/api/applications/checks", ana, started).json();
        assertThat(dryRun.get("ready").asBoolean()).isFalse();
        assertThat(dryRun.get("problems").get(0).get("rules").toString()).contains("E9");
        assertThat(dryRun.get("problems").get(0).get("fields").get(0).get("field").asString()).isEqualTo("project.plannedStart");
    }

    @Test
    void theProfileChangesNameAndLanguage() {
        String ana = api.newApplicant("sr");
        Response r = api.patch("/api/accounts/me", ana, "{\"fullName\":\"Ana Đorđević\",\"preferredLanguage\":\"en\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("fullName").asString()).isEqualTo("Ana Đorđević");
        assertThat(r.json().get("preferredLanguage").asString()).isEqualTo("en");
        assertProblem(api.patch("/api/accounts/me", ana, "{\"preferredLanguage\":\"de\"}"), 400, "VALIDATION_FAILED");
        assertProblem(api.patch("/api/accounts/me", ana, "{\"fullName\":\"  \"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void theOpenCallAndTheProvidersArePublicAndStageTimesNeedAnAccount() {
        assertThat(api.get("/api/calls", null).status()).isEqualTo(200);
        assertThat(api.get("/api/providers", null).json().size()).isGreaterThanOrEqualTo(68);
        assertThat(api.get("/api/reports/stage-times", null).status()).isEqualTo(401);
        JsonNode times = api.get("/api/reports/stage-times", api.newApplicant("sr")).json();
        assertThat(times.get(0).get("stage").asString()).isEqualTo("SCREENING");
    }
}
