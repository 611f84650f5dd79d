package rs.greenvoucher.core;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The applicant's side of the contract through HTTP, every error code where it belongs. */
class ApplicantFlowIT extends CoreIntegrationTest {

    @Test
    void signUpSubmitTrackAndWithdraw() {
        String token = api.newApplicant("sr");
        String mb = TestData.mb();

        Response submitted = api.post("/api/applications", token, TestData.application(mb));
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("trackingCode").asString()).matches("GIV-2026-\\d{6}");
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/applications/" + id);

        // read right after the write: answered, not 404, although the view is a projection
        Response read = api.get("/api/applications/" + id, token);
        assertThat(read.status()).isEqualTo(200);
        JsonNode view = read.json();
        assertThat(view.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.get("enterprise").get("name").asString()).isEqualTo("Eko Plast d.o.o. — Ćirilica: Еко Пласт");
        assertThat(view.get("enterprise").get("region").asString()).isEqualTo("Vojvodina");
        assertThat(view.get("project").get("requestedVoucherEur").decimalValue()).isEqualByComparingTo("10800");
        assertThat(view.get("providers").get(0).get("name").asString()).contains("Faculty of Technology and Metallurgy");
        assertThat(view.get("timeline")).hasSize(1);
        assertThat(view.get("timeline").get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.get("timeline").get(0).get("note").asString())
                .isEqualTo("Prijava je primljena; broj za praćenje " + submitted.json().get("trackingCode").asString() + ".");

        assertThat(api.get("/api/applications", token).json().get("items")).hasSize(1);

        Response withdrawn = api.post("/api/applications/" + id + "/withdraw", token, "{\"reason\":\"Promenili smo plan\"}");
        assertThat(withdrawn.status()).isEqualTo(200);
        JsonNode after = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/applications/" + id, token).json(), j -> j.get("status").asString().equals("WITHDRAWN"));
        assertThat(after.get("timeline")).hasSize(2);
        assertThat(after.get("timeline").get(1).get("note").asString()).contains("Promenili smo plan");

        // withdrawing twice does not fit the status
        Response again = api.post("/api/applications/" + id + "/withdraw", token, "{}");
        assertProblem(again, 409, "INVALID_TRANSITION");

        // L1: a withdrawn application frees the enterprise
        assertThat(api.post("/api/applications", token, TestData.application(mb)).status()).isEqualTo(201);
    }

    @Test
    void timelineNotesAreInTheApplicantsLanguage() {
        String john = api.newApplicant("en");
        Response submitted = api.post("/api/applications", john, TestData.application(TestData.mb()));
        String id = submitted.json().get("id").asString();
        api.post("/api/applications/" + id + "/withdraw", john, "{}");
        JsonNode view = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/applications/" + id, john).json(),
                j -> j.get("status").asString().equals("WITHDRAWN"));
        assertThat(view.get("timeline").get(0).get("note").asString()).startsWith("Application received; tracking code GIV-");
        assertThat(view.get("timeline").get(1).get("note").asString()).isEqualTo("Withdrawn by the applicant.");
    }

    @Test
    void oneVoucherPerEnterpriseAndNoOneSeesAnothersApplication() {
        String ana = api.newApplicant("sr");
        String marko = api.newApplicant("en");
        String mb = TestData.mb();
        Response first = api.post("/api/applications", ana, TestData.application(mb));
        assertThat(first.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        long events = eventCount();

        Response second = api.post("/api/applications", marko, TestData.application(mb));
        assertProblem(second, 409, "ONE_VOUCHER_PER_ENTERPRISE");
        assertThat(second.json().get("ruleCodes").get(0).asString()).isEqualTo("L1");
        assertThat(eventCount()).isEqualTo(events);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/applications/" + id, ana).status() == 200);
        assertProblem(api.get("/api/applications/" + id, marko), 404, "NOT_FOUND");
        assertProblem(api.get("/api/applications/00000000-0000-0000-0000-000000000000", ana), 404, "NOT_FOUND");
        assertProblem(api.post("/api/applications/" + id + "/withdraw", marko, "{}"), 404, "NOT_FOUND");
        // staff see it
        assertThat(api.get("/api/applications/" + id, admin()).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndChangesNothing() {
        String token = api.newApplicant("en");
        long events = eventCount();

        Response badMb = api.post("/api/applications", token, TestData.application("20084690"));
        assertProblem(badMb, 400, "VALIDATION_FAILED");
        assertThat(badMb.json().get("errors").get(0).get("field").asString()).isEqualTo("enterprise.mb");

        Response badEnum = api.post("/api/applications", token, TestData.application(TestData.mb()).replace("END_USER", "BYSTANDER"));
        assertProblem(badEnum, 400, "VALIDATION_FAILED");
        assertThat(badEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("enterprise.greenRole");

        Response negative = api.post("/api/applications", token, TestData.application(TestData.mb(), "22.22", "[\"12\"]", "-5"));
        assertProblem(negative, 400, "VALIDATION_FAILED");
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("project.requestedVoucherEur");

        Response missing = api.post("/api/applications", token, "{\"enterprise\": {}}");
        assertProblem(missing, 400, "VALIDATION_FAILED");
        assertThat(missing.body()).contains("enterprise.mb").contains("project").contains("declarations");

        assertProblem(api.post("/api/applications", token, "{not json"), 400, "VALIDATION_FAILED");
        assertProblem(api.post("/api/applications", token, "{\"x\":\"" + "a".repeat(1_100_000) + "\"}"), 413, "PAYLOAD_TOO_LARGE");

        assertProblem(api.post("/api/applications", token, TestData.application(TestData.mb(), "22.22", "[\"01\",\"02\",\"03\",\"04\"]", "10800")),
                422, "TOO_MANY_PROVIDERS");
        assertProblem(api.post("/api/applications", token, TestData.application(TestData.mb(), "22.22", "[\"99\"]", "10800")),
                422, "UNKNOWN_PROVIDER");
        Response share = api.post("/api/applications", token, TestData.application(TestData.mb(), "22.22", "[\"12\"]", "11000"));
        assertProblem(share, 422, "SCHEME_RULE_VIOLATED");
        assertThat(share.body()).contains("S4").contains("project.requestedVoucherEur");

        clock.set(Instant.parse("2027-03-01T10:00:00Z"));
        assertProblem(api.post("/api/applications", token, TestData.application(TestData.mb())), 422, "CALL_CLOSED");

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void authenticationAndRoles() {
        assertProblem(api.post("/api/applications", null, TestData.application(TestData.mb())), 401, "UNAUTHENTICATED");
        assertProblem(api.get("/api/applications", "not-a-jwt"), 401, "UNAUTHENTICATED");
        assertProblem(api.post("/api/auth/token", null, "{\"username\":\"admin\",\"password\":\"wrong-password-here\"}"), 401, "UNAUTHENTICATED");
        String applicant = api.newApplicant("sr");
        assertProblem(api.post("/api/calls", applicant, "{}"), 403, "FORBIDDEN");
        assertProblem(api.post("/api/accounts/staff", applicant, "{}"), 403, "FORBIDDEN");
        Response shortPassword = api.post("/api/accounts/applicants", null,
                "{\"email\":\"x@example.rs\",\"password\":\"short\",\"fullName\":\"X\",\"preferredLanguage\":\"sr\"}");
        assertProblem(shortPassword, 400, "VALIDATION_FAILED");
        assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        String email = "dup-" + java.util.UUID.randomUUID() + "@example.rs";
        String body = "{\"email\":\"%s\",\"password\":\"long enough password\",\"fullName\":\"Đorđe Šćekić\",\"preferredLanguage\":\"sr\"}".formatted(email);
        assertThat(api.post("/api/accounts/applicants", null, body).status()).isEqualTo(201);
        assertProblem(api.post("/api/accounts/applicants", null, body.replace(email, email.toUpperCase())), 409, "ACCOUNT_EXISTS");
        assertThat(api.get("/.well-known/jwks.json", null).body()).contains("\"kty\":\"RSA\"");
    }

    @Test
    void aProviderCannotApplyAndAnApplicantCannotBecomeAProvider() {
        String admin = admin();
        String providerMb = TestData.mb();
        Response qualified = api.post("/api/providers", admin,
                "{\"name\":\"Inženjering Zeleni Kod d.o.o.\",\"kind\":\"COMPANY\",\"city\":\"Niš\",\"mb\":\"%s\"}".formatted(providerMb));
        assertThat(qualified.status()).isEqualTo(201);
        assertThat(qualified.json().get("code").asString()).matches("\\d{2,}");

        String applicant = api.newApplicant("sr");
        assertProblem(api.post("/api/applications", applicant, TestData.application(providerMb)), 409, "PROVIDER_CANNOT_APPLY");

        String applicantMb = TestData.mb();
        assertThat(api.post("/api/applications", applicant, TestData.application(applicantMb)).status()).isEqualTo(201);
        assertProblem(api.post("/api/providers", admin,
                "{\"name\":\"Eko Plast\",\"kind\":\"COMPANY\",\"city\":\"Subotica\",\"mb\":\"%s\"}".formatted(applicantMb)), 409, "PROVIDER_CANNOT_APPLY");
        assertProblem(api.post("/api/providers", admin,
                "{\"name\":\"Petar Petrović\",\"kind\":\"INDIVIDUAL_CONSULTANT\",\"city\":\"Beograd\"}"), 422, "PROVIDER_NOT_ELIGIBLE");

        // deactivated providers cannot be chosen (P1)
        String code = qualified.json().get("code").asString();
        assertThat(api.post("/api/providers/" + code + "/deactivate", admin, "{\"reason\":\"test\"}").status()).isEqualTo(200);
        assertProblem(api.post("/api/applications", applicant, TestData.application(TestData.mb(), "22.22", "[\"" + code + "\"]", "10800")),
                422, "UNKNOWN_PROVIDER");
    }

    @Test
    void theInitialProviderListIsLoadedOnce() {
        Response providers = api.get("/api/providers", api.newApplicant("sr"));
        assertThat(providers.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from provider where initial_list").query(Integer.class).single()).isEqualTo(68);
        assertThat(providers.body()).contains("Faculty of Mechanical Engineering, University of Niš");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = 'provider-registry' and sequence_number < 68")
                .query(Integer.class).single()).isEqualTo(68);
    }

}
