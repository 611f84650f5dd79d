package rs.greenvoucher.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Corrections of decisions by two administrators, through HTTP across the three services: one proposes, the same one
 * cannot confirm, another does; the application, the evaluators' queue, the call's money, the applicant's mails and
 * the audit trail follow, and nothing was edited.
 */
class CorrectionsIT {

    static SystemUnderTest system;
    static HttpApi core;
    static HttpApi evaluation;
    static String admin;
    static String secondAdmin;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.api();
        core = system.core;
        evaluation = system.evaluation;
        admin = system.adminToken();
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = core.post("/api/accounts/staff", admin, """
                {"username":"%s","password":"druga-administratorka-2026","fullName":"Vesna Marković","role":"ADMIN"}"""
                .formatted(username));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        secondAdmin = core.token(username, "druga-administratorka-2026");
    }

    @Test
    void aWrongScreeningRejectionIsReinstatedByTwoAdministrators() throws Exception {
        String email = core.signUp("sr");
        core.verify(email);
        String applicant = core.token(email, HttpApi.APPLICANT_PASSWORD);
        String evaluator = system.evaluatorToken("jelena");
        String mb = TestData.mb();
        String id = core.post("/api/applications", applicant, TestData.application(mb, "11.02", "[\"12\"]", "10800")).json()
                .get("id").asString();
        awaitStage(evaluator, id, "SCREENING");
        claim(evaluator, id);
        assertThat(evaluation.post("/api/applications/" + id + "/screening", evaluator, """
                {"outcome":"FAIL","checks":[{"rule":"E6","passed":false,"note":"Wine production"}],
                 "noteToApplicant":"Proizvodnja vina je isključena."}""").status()).isEqualTo(202);
        awaitStatus(applicant, id, "REJECTED");

        Response proposed = core.post("/api/applications/" + id + "/corrections", admin,
                "{\"stage\":\"SCREENING\",\"reason\":\"Delatnost je 22.22, ne 11.02; greška pri unosu.\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String correction = proposed.json().get("correctionId").asString();
        // nothing changes until a second administrator confirms
        assertThat(core.get("/api/applications/" + id, applicant).json().get("status").asString()).isEqualTo("REJECTED");
        JsonNode pending = core.get("/api/applications/" + id + "/audit", admin).json().get("pendingCorrection");
        assertThat(pending.get("kind").asString()).isEqualTo("REINSTATE");
        assertThat(pending.get("correctionId").asString()).isEqualTo(correction);
        Response mine = core.post("/api/applications/" + id + "/corrections/" + correction + "/confirm", admin, "");
        assertThat(mine.status()).isEqualTo(409);
        assertThat(mine.json().get("code").asString()).isEqualTo("FOUR_EYES");
        Response second = core.post("/api/applications/" + id + "/corrections", secondAdmin,
                "{\"stage\":\"SCREENING\",\"reason\":\"I druga\"}");
        assertThat(second.json().get("code").asString()).isEqualTo("CORRECTION_PENDING");

        assertThat(core.post("/api/applications/" + id + "/corrections/" + correction + "/confirm", secondAdmin, "").status())
                .isEqualTo(200);

        JsonNode now = awaitStatus(applicant, id, "SCREENED");
        assertThat(now.get("rejection").isNull()).isTrue();
        assertThat(now.get("timeline").get(now.get("timeline").size() - 1).get("note").asString())
                .contains("ispravljena").contains("Delatnost je 22.22");
        awaitStage(evaluator, id, "PROVIDER_MATCHING");
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(email).stream()
                .anyMatch(s -> s.startsWith("Odluka o prijavi je ispravljena")));
        // the enterprise holds its one voucher again (L1)
        Response another = core.post("/api/applications", core.newApplicant("sr"), TestData.application(mb));
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.json().get("code").asString()).isEqualTo("ONE_VOUCHER_PER_ENTERPRISE");

        JsonNode audit = core.get("/api/applications/" + id + "/audit", admin).json();
        List<String> events = new ArrayList<>();
        audit.get("entries").forEach(e -> events.add(e.get("event").asString()));
        assertThat(events).containsSubsequence("ApplicationRejected", "CorrectionProposed", "DecisionCorrected");
        JsonNode corrected = audit.get("entries").get(events.lastIndexOf("DecisionCorrected"));
        assertThat(corrected.get("byName").asString()).isEqualTo("Vesna Marković");
        assertThat(corrected.get("data").get("proposedBy").asString()).isNotEqualTo(corrected.get("by").asString());
        assertThat(audit.get("pendingCorrection").isNull()).isTrue();
    }

    @Test
    void aWrongApprovalIsCorrectedIntoARejectionAndItsMoneyGoesBackToTheCall() throws Exception {
        String email = core.signUp("en");
        core.verify(email);
        String applicant = core.token(email, HttpApi.APPLICANT_PASSWORD);
        String jelena = system.evaluatorToken("jelena");
        String marko = system.evaluatorToken("marko");
        String id = core.post("/api/applications", applicant, TestData.application(TestData.mb())).json().get("id").asString();
        awaitStage(jelena, id, "SCREENING");
        claim(jelena, id);
        assertThat(evaluation.post("/api/applications/" + id + "/screening", jelena,
                "{\"outcome\":\"PASS\",\"checks\":[],\"noteToApplicant\":\"\"}").status()).isEqualTo(202);
        awaitStage(jelena, id, "PROVIDER_MATCHING");
        claim(jelena, id);
        assertThat(evaluation.post("/api/applications/" + id + "/provider-match", jelena, "{\"providerCodes\":[\"12\"],\"note\":\"\"}")
                .status()).isEqualTo(202);
        awaitStage(marko, id, "COMMITTEE");
        claim(marko, id);
        assertThat(evaluation.post("/api/applications/" + id + "/decision", marko, """
                {"decision":"APPROVE","voucherAmountEur":10800,"scores":{"resourceEfficiency":4,"scalability":3,"innovation":5}}""")
                .status()).isEqualTo(202);
        String callId = awaitStatus(applicant, id, "APPROVED").get("callId").asString();

        String correction = core.post("/api/applications/" + id + "/corrections", secondAdmin,
                "{\"stage\":\"COMMITTEE\",\"ruleCodes\":[\"E7\"],\"reason\":\"The provider is owned by the applicant.\"}")
                .json().get("correctionId").asString();
        BigDecimal before = committed(callId);
        assertThat(core.post("/api/applications/" + id + "/corrections/" + correction + "/confirm", admin, "").status())
                .isEqualTo(200);

        JsonNode rejected = awaitStatus(applicant, id, "REJECTED");
        assertThat(rejected.get("voucher").isNull()).isTrue();
        assertThat(rejected.get("rejection").get("ruleCodes").get(0).asString()).isEqualTo("E7");
        assertThat(committed(callId)).isEqualByComparingTo(before.subtract(new BigDecimal("10800")));
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(email).stream()
                .anyMatch(s -> s.startsWith("Your application was not accepted")));
        await().atMost(Duration.ofSeconds(30)).until(() -> evaluation.get("/api/work-items/" + id, marko).json()
                .get("item").get("status").asString().equals("REJECTED"));
    }

    private static BigDecimal committed(String callId) {
        for (JsonNode call : core.get("/api/calls", admin).json()) {
            if (call.get("id").asString().equals(callId)) {
                return call.get("committedEur").decimalValue();
            }
        }
        throw new AssertionError("no call " + callId);
    }

    private static List<String> subjects(String to) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (var m : system.smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                subjects.add(m.getSubject());
            }
        }
        return subjects;
    }

    private static void claim(String evaluator, String id) {
        Response r = evaluation.post("/api/work-items/" + id + "/claim", evaluator, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void awaitStage(String token, String id, String stage) {
        await().atMost(Duration.ofSeconds(30)).until(() -> evaluation.get("/api/work-items/" + id, token),
                r -> r.status() == 200 && stage.equals(r.json().get("item").get("stage").asString()));
    }

    private static JsonNode awaitStatus(String token, String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> core.get("/api/applications/" + id, token),
                r -> r.status() == 200 && r.json().get("status").asString().equals(status)).json();
    }
}
