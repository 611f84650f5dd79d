package rs.greenvoucher.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.infra.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation in each service's OpenAPI description, called by every kind of caller, with the status the
 * contract promises. An operation the table does not know fails the test: a new endpoint needs its row.
 * <p>
 * Letters: A allowed (2xx, or 400/409/422 for the deliberately empty or untimely request: the caller got past the
 * door), U 401, F 403, N 404 (not yours, or nothing by that name). A 5xx anywhere fails.
 */
class AuthorizationMatrixIT {

    enum Caller { ANONYMOUS, OWNER, OTHER_APPLICANT, EVALUATOR, MANAGER, ADMIN, DISABLED, OTHER_ISSUER, PROVIDER }

    /** service, method and path as in the OpenAPI → one letter per caller, in the order of {@link Caller}. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        // core: anonymous doors (a bearer token that is not valid is refused even there)
        row("core POST /api/auth/token", "AAAAAAUUA");
        row("core POST /api/auth/refresh", "AAAAAAUUA");
        row("core POST /api/auth/sign-out", "AAAAAAUUA");
        row("core POST /api/accounts/applicants", "AAAAAAUUA");
        row("core GET /api/accounts/email-verification", "AAAAAAUUA");
        row("core GET /.well-known/jwks.json", "AAAAAAUUA");
        // core: one's own account
        row("core GET /api/accounts/me", "UAAAAAUUA");
        row("core PATCH /api/accounts/me", "UAAAAAUUA");
        row("core POST /api/accounts/me/password", "UAAAAAUUA");
        row("core POST /api/accounts/me/email-verification", "UAAAAAUUA");
        row("core GET /api/accounts/me/data", "UAAAAAUUA");
        // core: administration
        row("core GET /api/accounts", "UFFFFAUUF");
        row("core POST /api/accounts/staff", "UFFFFAUUF");
        row("core GET /api/accounts/{id}", "UFFFFAUUF");
        row("core POST /api/accounts/{id}/disable", "UFFFFAUUF");
        row("core POST /api/accounts/{id}/enable", "UFFFFAUUF");
        row("core POST /api/accounts/{id}/unlock", "UFFFFAUUF");
        row("core POST /api/accounts/{id}/erasure", "UFFFFAUUF"); // the empty body is refused before anything is erased
        row("core GET /api/calls", "AAAAAAUUA"); // public: the portal's start page shows the open call to anyone
        row("core POST /api/calls", "UFFFFAUUF");
        row("core GET /api/providers", "AAAAAAUUA");
        row("core POST /api/providers", "UFFFFAUUF");
        row("core POST /api/providers/{code}/deactivate", "UFFFFAUUF");
        row("core POST /api/providers/{code}/reactivate", "UFFFFAUUF");
        row("core GET /api/providers/{code}/history", "UFFFFAUUF");
        row("core GET /api/admin/parked-events", "UFFFFAUUF");
        // the tamper-evident log: its heads are published to anyone, its export and a head on demand are an ADMIN's
        row("core GET /api/log/heads", "AAAAAAUUA");
        row("core POST /api/admin/log/heads", "UFFFFAUUF");
        row("core GET /api/admin/log/export", "UFFFFAUUF");
        row("core POST /api/admin/parked-events/{processor}/retry", "UFFFFAUUF");
        row("core POST /api/admin/parked-events/{processor}/{sequence}/retry", "UFFFFAUUF");
        row("core DELETE /api/admin/parked-events/{processor}/{sequence}", "UFFFFNUUF"); // nothing parked under a random id
        row("core POST /api/admin/processors/{processor}/rebuild", "UFFFFNUUF");
        row("core GET /api/admin/dead-letter-topics/{topic}", "UFFFFAUUF");
        row("core POST /api/admin/dead-letter-topics/{topic}/replay", "UFFFFAUUF");
        // core: an R&D organisation's people (PROVIDER, here one acting for a listed provider): its pre-qualification,
        // the vouchers that name it; the ADMIN lists, decides and links ({id} is a voucher's: no such application)
        row("core POST /api/accounts/providers", "AAAAAAUUA");
        row("core POST /api/provider-applications", "UFFFFFUUA"); // the linked provider's 409: it acts for one already
        row("core GET /api/provider-applications/mine", "UFFFFFUUA");
        row("core GET /api/provider-applications", "UFFFFAUUF");
        row("core GET /api/provider-applications/{id}", "UFFFFNUUN");
        row("core POST /api/provider-applications/{id}/approval", "UFFFFNUUF");
        row("core POST /api/provider-applications/{id}/refusal", "UFFFFAUUF"); // the ADMIN's "{}" is a 400
        row("core POST /api/accounts/{id}/provider", "UFFFFAUUF");
        row("core POST /api/provider-applications/{id}/documents", "UFFFFFUUN");
        row("core GET /api/provider-applications/{id}/documents", "UFFFFNUUN");
        row("core GET /api/provider-applications/{id}/documents/{documentId}/content", "UFFFFNUUN");
        row("core GET /api/provider/vouchers", "UFFFFFUUA");
        // invoices and payments (docs/adr/0032): a provider invoices the vouchers naming it ({id} does not: 404), the
        // enterprise confirms ({invoiceId} is no invoice), managers propose and approve ({paymentId} is no order; "{}"
        // is a 400 past the door), the enterprise and staff read a voucher's money
        row("core POST /api/provider/vouchers/{id}/invoices", "UFFFFFUUN");
        row("core POST /api/applications/{id}/invoices/{invoiceId}/delivery", "UNNFFFUUF");
        row("core GET /api/applications/{id}/money", "UANAAAUUF");
        row("core GET /api/payments", "UFFFAAUUF");
        row("core GET /api/payments/due", "UFFFAAUUF");
        row("core POST /api/applications/{id}/payments", "UFFFAFUUF");
        row("core POST /api/applications/{id}/payments/{paymentId}/approval", "UFFFNFUUF");
        row("core POST /api/applications/{id}/payments/{paymentId}/decline", "UFFFAFUUF");
        row("core POST /api/applications/{id}/payments/{paymentId}/paid", "UFFFAFUUF");
        // core: applications
        row("core POST /api/applications", "UAAFFFUUF");
        row("core GET /api/applications", "UAAAAAUUF");
        row("core GET /api/applications/{id}", "UANAAAUUF");
        row("core POST /api/applications/{id}/completion-report", "UANFFFUUF");
        row("core POST /api/applications/{id}/withdraw", "UANFFFUUF");
        row("core POST /api/applications/{id}/information-reply", "UANFFFUUF"); // the owner's 409: nothing was asked
        row("core GET /api/reports/throughput", "UFFFAAUUF");
        row("core GET /api/applications/{id}/audit", "UFFAAAUUF");
        row("core POST /api/applications/{id}/corrections", "UFFFFAUUF"); // the admin's "{}" is a 400
        row("core POST /api/applications/{id}/corrections/{correctionId}/confirm", "UFFFFNUUF"); // no such correction
        row("core POST /api/applications/{id}/corrections/{correctionId}/decline", "UFFFFNUUF");
        row("core POST /api/reports/what-if", "UFFFAAUUF"); // the staff's "{}" is a 400: allowed, and refused for its body
        row("core GET /api/reports/stage-times", "UAAAAAUUA");
        // core: an applicant's drafts and the dry run of a submission (the other applicant's are not found)
        row("core POST /api/applications/checks", "UAAFFFUUF");
        row("core GET /api/drafts", "UAAFFFUUF");
        row("core POST /api/drafts", "UAAFFFUUF");
        row("core GET /api/drafts/{id}", "UNNFFFUUF"); // {id} is no draft
        row("core PUT /api/drafts/{id}", "UAAFFFUUF"); // the empty body is refused before the lookup
        row("core DELETE /api/drafts/{id}", "UNNFFFUUF");
        // documents: a draft's are its applicant's alone; an application's are read by its applicant and by the staff
        // who judge it, never by a manager ({documentId} is no document; the owner's upload to a submitted
        // application is refused as untimely, 409)
        row("core POST /api/drafts/{draftId}/documents", "UANFFFUUF");
        row("core GET /api/drafts/{draftId}/documents", "UANFFFUUF");
        row("core GET /api/drafts/{draftId}/documents/{documentId}/content", "UNNFFFUUF");
        row("core DELETE /api/drafts/{draftId}/documents/{documentId}", "UNNFFFUUF");
        row("core POST /api/applications/{id}/documents", "UANFFFUUF");
        row("core GET /api/applications/{id}/documents", "UANAFAUUF");
        row("core GET /api/applications/{id}/documents/{documentId}/content", "UNNNFNUUF");
        // evaluation-service: managers read, evaluators and admins act
        row("evaluation GET /api/queue", "UFFAAAUUF");
        row("evaluation GET /api/work-items/{applicationId}", "UFFAAAUUF");
        row("evaluation GET /api/queue/summary", "UFFAAAUUF");
        row("evaluation GET /api/work-items", "UFFAAAUUF"); // without ?mb= a 400, past the door
        row("evaluation GET /api/provider-load", "UFFAAAUUF");
        row("evaluation GET /api/decisions/mine", "UFFAFAUUF");
        row("evaluation POST /api/work-items/{applicationId}/claim", "UFFAFAUUF");
        row("evaluation POST /api/work-items/{applicationId}/release", "UFFAFAUUF");
        row("evaluation POST /api/work-items/{applicationId}/pending-decision/resend", "UFFAFAUUF");
        row("evaluation DELETE /api/work-items/{applicationId}/pending-decision", "UFFAFAUUF");
        row("evaluation POST /api/applications/{id}/screening", "UFFAFAUUF");
        row("evaluation POST /api/applications/{id}/provider-match", "UFFAFAUUF");
        row("evaluation POST /api/applications/{id}/decision", "UFFAFAUUF");
        row("evaluation POST /api/applications/{id}/completion-verification", "UFFAFAUUF");
        row("evaluation POST /api/applications/{id}/information-request", "UFFAFAUUF"); // "{}" is a 400: no message
        row("evaluation GET /api/admin/dead-letter-topics/{topic}", "UFFFFAUUF");
        row("evaluation POST /api/admin/dead-letter-topics/{topic}/replay", "UFFFFAUUF");
        row("evaluation POST /api/admin/queue/rebuild", "UFFFFAUUF"); // the queue built again from the topic, claims kept
        // notification-service
        row("notification GET /api/notifications", "UAAAAAUUA");
        row("notification GET /api/admin/dead-letter-topics/{topic}", "UFFFFAUUF");
        row("notification POST /api/admin/dead-letter-topics/{topic}/replay", "UFFFFAUUF");
    }

    static void row(String operation, String letters) {
        if (letters.length() != Caller.values().length) {
            throw new IllegalArgumentException(operation);
        }
        EXPECTED.put(operation, letters);
    }

    static SystemUnderTest system;
    static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    static String application;
    static String throwawayAccount;
    static String providerCode;
    static String draft;

    @BeforeAll
    static void callers() {
        system = SystemUnderTest.api();
        HttpApi core = system.core;
        String admin = system.adminToken();
        TOKENS.put(Caller.OWNER, core.newApplicant("sr"));
        TOKENS.put(Caller.OTHER_APPLICANT, core.newApplicant("en"));
        TOKENS.put(Caller.EVALUATOR, system.evaluatorToken("jelena"));
        TOKENS.put(Caller.MANAGER, core.token("milos", SystemUnderTest.EVALUATOR_PASSWORD));
        TOKENS.put(Caller.ADMIN, admin);
        TOKENS.put(Caller.OTHER_ISSUER, TestTokens.get().token(UUID.randomUUID().toString(), "Mallory", "ADMIN"));

        application = core.post("/api/applications", TOKENS.get(Caller.OWNER), TestData.application(TestData.mb()))
                .json().get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> system.evaluation.get("/api/work-items/" + application, admin).status() == 200);
        draft = core.post("/api/drafts", TOKENS.get(Caller.OWNER), "{\"form\":{},\"step\":1}").json().get("id").asString();
        throwawayAccount = core.get("/api/accounts/me", core.newApplicant("sr")).json().get("id").asString();
        providerCode = core.post("/api/providers", admin, "{\"name\":\"Laboratorija Matrica d.o.o.\",\"kind\":\"COMPANY\",\"city\":\"Niš\",\"mb\":\"%s\"}"
                .formatted(TestData.mb())).json().get("code").asString();
        // a person of that provider, linked to it by the ADMIN
        String providerPerson = core.token(core.newProviderAccount("sr"), HttpApi.APPLICANT_PASSWORD);
        String providerAccount = core.get("/api/accounts/me", providerPerson).json().get("id").asString();
        assertThat(core.post("/api/accounts/" + providerAccount + "/provider", admin, "{\"providerCode\":\"" + providerCode + "\"}")
                .status()).isEqualTo(200);
        TOKENS.put(Caller.PROVIDER, providerPerson);

        // a disabled account's token is refused everywhere within a minute (here: as soon as Kafka brings the news)
        String disabled = core.newApplicant("sr");
        String disabledId = core.get("/api/accounts/me", disabled).json().get("id").asString();
        assertThat(core.post("/api/accounts/" + disabledId + "/disable", admin, "").status()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(1)).until(() -> system.notification.get("/api/notifications", disabled).status() == 401
                && system.evaluation.get("/api/queue", disabled).status() == 401);
        TOKENS.put(Caller.DISABLED, disabled);
    }

    @Test
    void everyOperationOfEveryServiceAnswersEveryCallerAsTheContractSays() {
        Map<String, HttpApi> services = Map.of("core", system.core, "evaluation", system.evaluation, "notification", system.notification);
        List<String> unknown = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        java.util.Set<String> undocumented = new java.util.TreeSet<>();
        Map<String, String> seen = new TreeMap<>();
        int cells = 0;
        for (var service : services.entrySet()) {
            JsonNode paths = service.getValue().get("/v3/api-docs", null).json().get("paths");
            for (var path : paths.properties()) {
                for (var method : path.getValue().properties()) {
                    String operation = service.getKey() + " " + method.getKey().toUpperCase() + " " + path.getKey();
                    String expected = EXPECTED.get(operation);
                    if (expected == null) {
                        unknown.add(operation);
                        continue;
                    }
                    StringBuilder actual = new StringBuilder();
                    JsonNode documented = method.getValue().path("responses");
                    for (Caller caller : Caller.values()) {
                        HttpApi.Response r = call(service.getValue(), method.getKey().toUpperCase(), fill(path.getKey()), TOKENS.get(caller));
                        assertThat(r.status()).as(operation + " by " + caller + ": " + r.body()).isLessThan(500);
                        // the OpenAPI description tells a client every answer it gets
                        if (!documented.has(Integer.toString(r.status()))) {
                            undocumented.add(operation + " answered " + r.status() + " to " + caller);
                        }
                        assertThat(r.body()).as(operation + " by " + caller).doesNotContain("Exception").doesNotContain("at rs.");
                        actual.append(letter(r.status()));
                        cells++;
                    }
                    seen.put(operation, actual.toString());
                    if (!actual.toString().equals(expected)) {
                        wrong.add(operation + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        assertThat(unknown).as("operations without a row in the matrix").isEmpty();
        assertThat(undocumented).as("answers the OpenAPI descriptions do not document").isEmpty();
        assertThat(EXPECTED.keySet()).as("rows for operations that no longer exist").isSubsetOf(seen.keySet());
        assertThat(wrong).as("callers answered otherwise than the contract says (" + Caller.class.getSimpleName()
                + " order " + List.of(Caller.values()) + ")").isEmpty();
        System.out.printf("authorization matrix: %d operations x %d callers = %d requests%n", seen.size(), Caller.values().length, cells);
    }

    private static HttpApi.Response call(HttpApi api, String method, String path, String token) {
        return switch (method) {
            case "GET" -> api.get(path, token);
            case "DELETE" -> api.delete(path, token);
            case "PUT" -> api.put(path, token, "{}");
            case "PATCH" -> api.patch(path, token, "{}");
            default -> path.endsWith("/invoices")
                    ? api.upload(path, token, Map.of("serviceIndex", "0", "number", "M-1", "issuedOn", "2026-11-20", "amountEur", "100"),
                            "matrica.pdf", rs.greenvoucher.infra.SamplePdf.of("Matrica"))
                    : path.endsWith("/documents")
                    ? api.upload(path, token, Map.of("kind", "OTHER"), "matrica.pdf", rs.greenvoucher.infra.SamplePdf.of("Matrica"))
                    : api.post(path, token, path.endsWith("/completion-report") ? COMPLETION_REPORT
                            : path.endsWith("/information-reply") ? "{\"message\":\"Odgovor.\"}" : "{}");
        };
    }

    /** A well-formed report: the owner gets past the door (409, not approved), another applicant gets 404. */
    private static final String COMPLETION_REPORT = """
            {"summary":"Gotovo.","deliverables":["Prototip"],"invoicedEur":12000,
             "environmentalResults":[{"indicator":"WASTE_REDUCED","unit":"t/year","value":78}]}""";

    private static String fill(String path) {
        String filled = path
                .replace("/api/accounts/{id}", "/api/accounts/" + throwawayAccount)
                .replace("{id}", application).replace("{applicationId}", application)
                .replace("{code}", providerCode)
                // parked events of a real processor (nothing is parked under a random sequence); no rebuild is started
                .replace("{processor}", path.contains("/parked-events/") ? "applicant-view" : "no-such-processor")
                .replace("{sequence}", UUID.randomUUID().toString())
                .replace("{correctionId}", UUID.randomUUID().toString())
                .replace("{invoiceId}", UUID.randomUUID().toString()).replace("{paymentId}", UUID.randomUUID().toString())
                .replace("{draftId}", draft).replace("{documentId}", UUID.randomUUID().toString())
                .replace("{topic}", "gv.application.events");
        if (filled.contains("{")) {
            throw new AssertionError("the matrix does not know what to put in " + path);
        }
        return filled;
    }

    private static char letter(int status) {
        return switch (status) {
            case 401 -> 'U';
            case 403 -> 'F';
            case 404 -> 'N';
            default -> status < 300 || status == 400 || status == 409 || status == 422 ? 'A' : '?';
        };
    }
}
