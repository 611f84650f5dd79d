package rs.greenvoucher.core.providers.prequalification;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.CoreIntegrationTest;
import rs.greenvoucher.core.voucher.match.MatchProviders;
import rs.greenvoucher.core.voucher.screen.ScreenApplication;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's pre-qualification on real PostgreSQL through HTTP: the organisation applies, the ADMIN approves, it is
 * on the list and its account acts for it; L3 both ways and under a race; P2, P3; a refusal frees the MB.
 */
class ProviderPrequalificationIT extends CoreIntegrationTest {

    @Autowired
    CommandGateway commands;

    String provider() {
        return api.token(api.newProviderAccount("sr"), HttpApi.APPLICANT_PASSWORD);
    }

    @Test
    void anOrganisationAppliesIsApprovedAndThenActsForItsProvider() {
        String person = provider();
        String mb = TestData.mb();
        Response applied = api.post("/api/provider-applications", person, TestData.providerApplication(mb));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().get("id").asString();
        assertThat(applied.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(applied.headers().firstValue("Location")).hasValue("/api/provider-applications/" + id);

        // the ADMIN's list of those waiting, and the organisation's own page
        String admin = admin();
        assertThat(api.get("/api/provider-applications?status=SUBMITTED", admin).json().findValuesAsString("id")).contains(id);
        assertThat(api.get("/api/provider-applications/mine", person).json().get(0).get("mb").asString()).isEqualTo(mb);
        assertProblem(api.get("/api/provider-applications/" + id, provider()), 404, "NOT_FOUND");
        // its documents, sealed, read by it and by the ADMIN, by no other provider
        byte[] extract = rs.greenvoucher.infra.SamplePdf.of("Izvod iz registra", "Laboratorija Zeleni Inženjering");
        Response attached = api.upload("/api/provider-applications/" + id + "/documents", person,
                java.util.Map.of("kind", "REGISTER_EXTRACT"), "izvod-apr.pdf", extract);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        String document = attached.json().get("id").asString();
        assertThat(api.get("/api/provider-applications/" + id + "/documents", admin).json().get(0).get("fileName").asString())
                .isEqualTo("izvod-apr.pdf");
        assertThat(api.download("/api/provider-applications/" + id + "/documents/" + document + "/content", admin).body()).isEqualTo(extract);
        assertThat(api.download("/api/provider-applications/" + id + "/documents/" + document + "/content", provider()).statusCode())
                .isEqualTo(404);
        assertRefused(api.upload("/api/provider-applications/" + id + "/documents", person, java.util.Map.of("kind", "FINANCIAL_STATEMENTS"),
                "bilans.pdf", extract), "kind");
        // a second application of the same account while this one waits
        assertProblem(api.post("/api/provider-applications", person, TestData.providerApplication(TestData.mb())), 409, "INVALID_TRANSITION");

        Response approved = api.post("/api/provider-applications/" + id + "/approval", admin, "{\"note\":\"Reference provereno.\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        String code = approved.json().get("providerCode").asString();
        assertProblem(api.post("/api/provider-applications/" + id + "/approval", admin, "{}"), 409, "INVALID_TRANSITION");

        // P1: on the list, active, with its MB; the account acts for it; the registry's history names the ADMIN
        JsonNode listed = null;
        for (JsonNode p : api.get("/api/providers", null).json()) {
            listed = p.get("code").asString().equals(code) ? p : listed;
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("name").asString()).isEqualTo("Laboratorija Zeleni Inženjering d.o.o.");
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(api.get("/api/accounts/me", person).json().get("providerCode").asString()).isEqualTo(code);
        assertThat(api.get("/api/providers/" + code + "/history", admin).json().get(0).get("by").asString()).isNotBlank();
        assertThat(jdbc.sql("select fixed_at is not null from enterprise_role where mb = :mb").param("mb", mb)
                .query(Boolean.class).single()).isTrue();

        // L3: its MB cannot apply for a voucher; P3: nor be pre-qualified again
        assertProblem(api.post("/api/applications", api.newApplicant("sr"), TestData.application(mb)), 409, "PROVIDER_CANNOT_APPLY");
        assertProblem(api.post("/api/provider-applications", provider(), TestData.providerApplication(mb)), 409, "PROVIDER_ALREADY_LISTED");

        // the vouchers that name it, from provider matching on, with the project's services
        String applicant = api.newApplicant("sr");
        Response submitted = api.post("/api/applications", applicant, TestData.application(TestData.mb(), "22.22", "[\"12\"]", "10000"));
        UUID voucher = UUID.fromString(submitted.json().get("id").asString());
        assertThat(api.get("/api/provider/vouchers", person).json()).isEmpty();
        commands.sendAndWait(new ScreenApplication(voucher, UUID.randomUUID(), true, List.of(), "", "evaluator"));
        commands.sendAndWait(new MatchProviders(voucher, UUID.randomUUID(), List.of(new ProviderCode(code)), "", "evaluator"));
        JsonNode vouchers = org.awaitility.Awaitility.await().until(() -> api.get("/api/provider/vouchers", person).json(), v -> v.size() == 1);
        assertThat(vouchers.get(0).get("trackingCode").asString()).isEqualTo(submitted.json().get("trackingCode").asString());
        assertThat(vouchers.get(0).get("status").asString()).isEqualTo("PROVIDER_MATCHED");
        assertThat(vouchers.get(0).get("services").get(0).get("costEur").decimalValue()).isPositive();
        assertThat(vouchers.get(0).toString()).doesNotContain("contactEmail").doesNotContain("contactName");
    }

    @Test
    void aRefusalNamesItsRulesAndFreesTheMb() {
        String person = provider();
        String mb = TestData.mb();
        String id = api.post("/api/provider-applications", person, TestData.providerApplication(mb)).json().get("id").asString();
        String admin = admin();
        assertRefused(api.post("/api/provider-applications/" + id + "/refusal", admin, "{\"ruleCodes\":[\"E1\"],\"reason\":\"Ne.\"}"), "ruleCodes");
        assertRefused(api.post("/api/provider-applications/" + id + "/refusal", admin, "{\"ruleCodes\":[\"P3\"]}"), "reason");

        Response refused = api.post("/api/provider-applications/" + id + "/refusal", admin,
                "{\"ruleCodes\":[\"P3\"],\"reason\":\"Reference nisu iz zelenih istraživanja.\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("ruleCodes").get(0).asString()).isEqualTo("P3");
        assertThat(api.get("/api/provider-applications/" + id, person).json().get("reason").asString())
                .isEqualTo("Reference nisu iz zelenih istraživanja.");
        // the MB is free: the same organisation may apply again, or the enterprise for a voucher
        assertThat(api.post("/api/applications", api.newApplicant("en"), TestData.application(mb)).status()).isEqualTo(201);
    }

    @Test
    void anIndividualConsultantAndAnApplicantsMbAreRefusedAtTheDoor() {
        String person = provider();
        String consultant = TestData.providerApplication(TestData.mb()).replace("\"COMPANY\"", "\"INDIVIDUAL_CONSULTANT\"");
        Response p2 = api.post("/api/provider-applications", person, consultant);
        assertProblem(p2, 422, "PROVIDER_NOT_ELIGIBLE");
        assertThat(p2.json().get("ruleCodes").get(0).asString()).isEqualTo("P2");

        String applicantMb = TestData.mb();
        assertThat(api.post("/api/applications", api.newApplicant("sr"), TestData.application(applicantMb)).status()).isEqualTo(201);
        long events = eventCount();
        Response l3 = api.post("/api/provider-applications", person, TestData.providerApplication(applicantMb));
        assertProblem(l3, 409, "PROVIDER_CANNOT_APPLY");
        assertThat(l3.json().get("ruleCodes").get(0).asString()).isEqualTo("L3");
        assertThat(eventCount()).isEqualTo(events);
        assertRefused(api.post("/api/provider-applications", person, TestData.providerApplication("12345678")), "mb");
        // an applicant is not a provider's person
        assertProblem(api.post("/api/provider-applications", api.newApplicant("sr"), TestData.providerApplication(TestData.mb())), 403, "FORBIDDEN");
    }

    @RepeatedTest(3)
    void aProviderApplicationAndAVoucherApplicationForOneMbAtOnceExactlyOneWins() throws Exception {
        String mb = TestData.mb();
        List<String> people = List.of(provider(), provider(), provider());
        List<String> applicants = List.of(api.newApplicant("sr"), api.newApplicant("en"), api.newApplicant("sr"));
        List<Callable<Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String person = people.get(i);
            String applicant = applicants.get(i);
            tasks.add(() -> api.post("/api/provider-applications", person, TestData.providerApplication(mb)));
            tasks.add(() -> api.post("/api/applications", applicant, TestData.application(mb)));
        }
        List<Response> answers = rs.greenvoucher.core.LimitsRaceIT.race(tasks);

        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(5);
        String role = jdbc.sql("select role from enterprise_role where mb = :mb").param("mb", mb).query(String.class).single();
        long providerApplications = jdbc.sql("select count(*) from provider_application where mb = :mb").param("mb", mb).query(Long.class).single();
        long vouchers = jdbc.sql("select count(*) from enterprise_claim where mb = :mb").param("mb", mb).query(Long.class).single();
        assertThat(role.equals("PROVIDER") ? List.of(providerApplications, vouchers) : List.of(vouchers, providerApplications))
                .containsExactly(1L, 0L);
    }

    private static void assertRefused(Response r, String field) {
        assertProblem(r, 400, "VALIDATION_FAILED");
        assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
    }
}
