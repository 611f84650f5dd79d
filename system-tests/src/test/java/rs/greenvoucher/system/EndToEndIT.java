package rs.greenvoucher.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Through HTTP only, across the three services and real Kafka: the whole lifecycle, and a rejection at screening. */
class EndToEndIT {

    static SystemUnderTest system;
    static HttpApi core;
    static HttpApi evaluation;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.api();
        core = system.core;
        evaluation = system.evaluation;
    }

    @Test
    void fromSubmissionToCompletedAndPaid() throws Exception {
        // a provider of its own with a person acting for it (no other test's voucher names it, nor mails its person)
        String admin = system.adminToken();
        String providerCode = core.post("/api/providers", admin, "{\"name\":\"Laboratorija Ekotest d.o.o.\",\"kind\":\"COMPANY\","
                + "\"city\":\"Novi Sad\",\"mb\":\"%s\"}".formatted(TestData.mb())).json().get("code").asString();
        String providerEmail = core.newProviderAccount("sr");
        String provider = core.token(providerEmail, HttpApi.APPLICANT_PASSWORD);
        assertThat(core.post("/api/accounts/" + core.get("/api/accounts/me", provider).json().get("id").asString() + "/provider", admin,
                "{\"providerCode\":\"" + providerCode + "\"}").status()).isEqualTo(200);
        // signed up, the confirmation link mailed and followed
        String email = core.signUp("sr");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 1);
        assertThat(mailsTo(email).get(0).getSubject()).isEqualTo("Potvrdite adresu e-pošte — Zeleni vaučer");
        core.verify(email);
        String applicant = core.token(email, HttpApi.APPLICANT_PASSWORD);
        String evaluator = system.evaluatorToken("jelena");
        String other = system.evaluatorToken("marko");

        // the form's contact address is data: the mails go to the verified address of the account
        String contact = "ana-" + java.util.UUID.randomUUID() + "@example.rs";
        Response submitted = core.post("/api/applications", applicant,
                TestData.application(TestData.mb(), "22.22", "[\"12\", \"23\"]", "10800", contact));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        // the applicant's mail, in Serbian, within seconds
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 2);
        assertThat(mailsTo(email).get(1).getSubject()).isEqualTo("Prijava primljena — " + submitted.json().get("trackingCode").asString());
        assertThat(mailsTo(contact)).isEmpty();

        JsonNode item = awaitInQueue(evaluator, "SCREENING", id);
        assertThat(item.get("trackingCode").asString()).isEqualTo(submitted.json().get("trackingCode").asString());
        assertThat(item.get("enterpriseName").asString()).isEqualTo("Eko Plast d.o.o. — Ćirilica: Еко Пласт");
        assertThat(item.get("autoChecks").toString()).contains("\"rule\":\"E2\"").contains("\"rule\":\"E6\"");
        assertThat(item.get("autoChecks").findValues("passed")).allMatch(JsonNode::asBoolean);

        assertThat(evaluation.post("/api/work-items/" + id + "/claim", evaluator, "").status()).isEqualTo(200);
        Response taken = evaluation.post("/api/work-items/" + id + "/claim", other, "");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("ALREADY_CLAIMED");
        assertThat(evaluation.post("/api/applications/" + id + "/provider-match", evaluator, "{\"providerCodes\":[\"12\"]}").json()
                .get("code").asString()).isEqualTo("INVALID_TRANSITION");
        assertThat(evaluation.post("/api/applications/" + id + "/screening", other, "{\"outcome\":\"PASS\",\"checks\":[]}").json()
                .get("code").asString()).isEqualTo("ALREADY_CLAIMED");
        // released, another evaluator may take it, and give it back
        assertThat(evaluation.post("/api/work-items/" + id + "/release", evaluator, "").json().get("assignee").isNull()).isTrue();
        assertThat(evaluation.post("/api/work-items/" + id + "/claim", other, "").json().get("assigneeName").asString()).isEqualTo("Marko Ilić");
        assertThat(evaluation.post("/api/work-items/" + id + "/release", other, "").status()).isEqualTo(200);
        assertThat(evaluation.post("/api/work-items/" + id + "/claim", evaluator, "").status()).isEqualTo(200);

        accept(evaluation.post("/api/applications/" + id + "/screening", evaluator, """
                {"outcome":"PASS","checks":[{"rule":"E2","passed":true,"note":""},{"rule":"E6","passed":true,"note":""}],
                 "noteToApplicant":"Prijava je prihvatljiva."}"""));
        awaitStatus(applicant, id, "SCREENED");
        awaitInQueue(evaluator, "PROVIDER_MATCHING", id);
        claim(evaluator, id);
        accept(evaluation.post("/api/applications/" + id + "/provider-match", evaluator, "{\"providerCodes\":[\"" + providerCode + "\"],\"note\":\"\"}"));
        awaitStatus(applicant, id, "PROVIDER_MATCHED");
        awaitInQueue(evaluator, "COMMITTEE", id);
        // four eyes: who screened does not decide
        claim(evaluator, id);
        assertThat(evaluation.post("/api/applications/" + id + "/decision", evaluator, "{\"decision\":\"REJECT\",\"scores\":"
                + "{\"resourceEfficiency\":1,\"scalability\":1,\"innovation\":1}}").json().get("code").asString()).isEqualTo("FOUR_EYES");
        assertThat(evaluation.post("/api/work-items/" + id + "/release", evaluator, "").status()).isEqualTo(200);
        claim(other, id);
        accept(evaluation.post("/api/applications/" + id + "/decision", other, """
                {"decision":"APPROVE","voucherAmountEur":10800,"scores":{"resourceEfficiency":4,"scalability":3,"innovation":5},
                 "reason":"Strong, measurable waste reduction."}"""));
        JsonNode approved = awaitStatus(applicant, id, "APPROVED");
        assertThat(approved.get("voucher").get("amountEur").decimalValue()).isEqualByComparingTo("10800");

        // the provider invoices its service with the PDF; the enterprise confirms the delivery
        Response invoice = core.upload("/api/provider/vouchers/" + id + "/invoices", provider,
                java.util.Map.of("serviceIndex", "0", "number", "EKO-2026/7", "issuedOn", java.time.LocalDate.now().toString(),
                        "amountEur", "12000"), "faktura.pdf", rs.greenvoucher.infra.SamplePdf.of("Faktura EKO-2026/7"));
        assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);
        assertThat(core.post("/api/applications/" + id + "/invoices/" + invoice.json().get("id").asString() + "/delivery", applicant, "")
                .json().get("state").asString()).isEqualTo("DELIVERED");

        assertThat(core.post("/api/applications/" + id + "/completion-report", applicant, """
                {"summary":"Linija je izgrađena i testirana.","deliverables":["Prototip","Izveštaj o testiranju"],"invoicedEur":12000,
                 "environmentalResults":[{"indicator":"WASTE_REDUCED","unit":"t/year","value":78}]}""").status()).isEqualTo(200);
        awaitInQueue(evaluator, "COMPLETION_VERIFICATION", id);
        claim(evaluator, id);
        accept(evaluation.post("/api/applications/" + id + "/completion-verification", evaluator, "{\"accepted\":true,\"note\":\"Računi su uredni.\"}"));
        JsonNode completed = awaitStatus(applicant, id, "COMPLETED");

        List<String> timeline = new ArrayList<>();
        completed.get("timeline").forEach(t -> timeline.add(t.get("status").asString()));
        assertThat(timeline).containsExactly("SUBMITTED", "SCREENED", "PROVIDER_MATCHED", "APPROVED", "COMPLETION_REPORTED", "COMPLETED");
        assertThat(completed.get("timeline").get(1).get("note").asString()).isEqualTo("Prijava je prihvatljiva.");
        assertThat(completed.get("voucher").get("paidEur").decimalValue()).isEqualByComparingTo("10800");

        // one mail per change the applicant cares about; none for their own completion report
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 6);
        List<String> subjects = new ArrayList<>();
        for (var m : mailsTo(email).subList(1, 6)) {
            subjects.add(m.getSubject().substring(0, m.getSubject().indexOf(" — ")));
        }
        assertThat(subjects).containsExactly("Prijava primljena", "Prijava je prošla proveru prihvatljivosti",
                "Izabrani pružaoci usluga", "Vaučer odobren", "Vaučer realizovan");
        // the amounts travel core → Kafka (amountEur, paidEur) → notification
        assertThat(plainText(mailsTo(email).get(4))).contains("10.800,00 EUR")
                .contains(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6)
                        .format(java.time.format.DateTimeFormatter.ofPattern("d. M. yyyy.")));
        assertThat(plainText(mailsTo(email).get(5))).contains("10.800,00 EUR")
                .contains("/applications/" + id); // the link to the application's page in the portal

        // paid: one manager proposes (90 % of EUR 12 000, within the voucher of EUR 10 800), another approves, the bank pays
        String milos = system.evaluatorToken("milos");
        String second = "manager-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(core.post("/api/accounts/staff", admin, """
                {"username":"%s","password":"%s","fullName":"Vesna Đorđević","role":"MANAGER"}"""
                .formatted(second, SystemAccess.staffPassword())).status()).isEqualTo(201);
        String vesna = core.token(second, SystemAccess.staffPassword());
        Response proposed = core.post("/api/applications/" + id + "/payments", milos, "{\"providerCode\":\"" + providerCode + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("amountEur").decimalValue()).isEqualByComparingTo("10800");
        String payment = "/api/applications/" + id + "/payments/" + proposed.json().get("id").asString();
        assertThat(core.post(payment + "/approval", milos, "").json().get("code").asString()).isEqualTo("FOUR_EYES");
        assertThat(core.post(payment + "/approval", vesna, "").status()).isEqualTo(200);
        assertThat(core.post(payment + "/paid", milos, "{\"bankReference\":\"RS35-2026-77\"}").json().get("status").asString())
                .isEqualTo("PAID");

        // the mails, each exactly once: the enterprise is told its providers are paid; the provider's person was told of
        // the voucher that names it and of each state of its invoice
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 7 && mailsTo(providerEmail).size() == 7);
        assertThat(mailsTo(email).get(6).getSubject()).isEqualTo("Pružaoci usluga su plaćeni — " + approved.get("trackingCode").asString());
        List<String> providerMails = new ArrayList<>();
        for (var m : mailsTo(providerEmail)) {
            providerMails.add(m.getSubject());
        }
        String code = approved.get("trackingCode").asString();
        assertThat(providerMails.subList(1, 7)).containsExactly("Odobren vaučer na kome ste pružalac — " + code,
                "Fakture i plaćanja — " + code, "Fakture i plaćanja — " + code, "Fakture i plaćanja — " + code,
                "Fakture i plaćanja — " + code, "Fakture i plaćanja — " + code);
        assertThat(plainText(mailsTo(providerEmail).get(6))).contains("10.800,00 EUR").contains("RS35-2026-77").contains("/provider");
        // nothing of the enterprise's person reaches the provider's mails
        for (var m : mailsTo(providerEmail).subList(1, 7)) {
            assertThat(plainText(m)).doesNotContain("Ana").doesNotContain(email);
        }

        // no personal data in any log line of the four processes (docs/operations.md): not the applicant's or the
        // provider's address, not the contact person, not the enterprise's MB
        String mb = approved.get("enterprise").get("mb").asString();
        for (String process : List.of("application-core", "evaluation-service", "notification-service", "web-ui",
                "second/application-core", "second/evaluation-service", "second/notification-service")) {
            java.nio.file.Path log = system.logs().resolve(process + ".log"); // the second instances' too
            assertThat(log).exists();
            String lines = java.nio.file.Files.readString(log);
            if (process.endsWith("notification-service") || process.equals("web-ui")) {
                // started with GV_LOG_FORMAT=json: its lines are JSON objects in the Elastic Common Schema, naming it
                List<String> objects = lines.lines().filter(l -> l.startsWith("{")).toList();
                assertThat(objects).as(process + "'s JSON lines").hasSizeGreaterThan(10);
                for (String line : objects) {
                    JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
                    assertThat(json.has("@timestamp") && json.has("message")).as(process + ": " + line).isTrue();
                    assertThat(json.get("service").get("name").asString()).isEqualTo(process.replace("second/", ""));
                }
            }
            assertThat(lines).as(process + "'s log").doesNotContain(email).doesNotContain(contact).doesNotContain(providerEmail)
                    .doesNotContain("Ana Petrović").doesNotContain(mb);
        }

        // the finished application has left the queue; its decisions are on record with who and when
        JsonNode detail = evaluation.get("/api/work-items/" + id, evaluator).json();
        assertThat(detail.get("item").get("stage").isNull()).isTrue();
        assertThat(detail.get("decisions")).hasSize(4);
        assertThat(detail.get("decisions").findValues("outcome")).allMatch(o -> o.asString().equals("APPLIED"));
    }

    @Test
    void aWineryIsRejectedAtScreeningAndTheApplicantSeesTheRule() {
        String applicant = core.newApplicant("en");
        String evaluator = system.evaluatorToken("jelena");
        String id = core.post("/api/applications", applicant,
                TestData.application(TestData.mb(), "11.02", "[\"12\"]", "10800")).json().get("id").asString();

        JsonNode item = awaitInQueue(evaluator, "SCREENING", id);
        JsonNode e6 = null;
        for (JsonNode check : item.get("autoChecks")) {
            if (check.get("rule").asString().equals("E6")) {
                e6 = check;
            }
        }
        assertThat(e6).isNotNull();
        assertThat(e6.get("passed").asBoolean()).isFalse();
        assertThat(e6.get("detail").asString()).contains("11.02").contains("excluded");

        claim(evaluator, id);
        accept(evaluation.post("/api/applications/" + id + "/screening", evaluator, """
                {"outcome":"FAIL","checks":[{"rule":"E6","passed":false,"note":"Wine production"}],
                 "noteToApplicant":"Wine production is an excluded sector."}"""));
        JsonNode rejected = awaitStatus(applicant, id, "REJECTED");
        assertThat(rejected.get("rejection").get("stage").asString()).isEqualTo("SCREENING");
        assertThat(rejected.get("rejection").get("ruleCodes").get(0).asString()).isEqualTo("E6");
        assertThat(rejected.get("rejection").get("reason").asString()).isEqualTo("Wine production is an excluded sector.");
        await().atMost(Duration.ofSeconds(20)).until(() -> evaluation.get("/api/work-items/" + id, evaluator).json()
                .get("item").get("stage").isNull());
    }

    @Test
    void aDecisionCoreCannotApplyShowsOnTheItemWithItsReason() {
        String applicant = core.newApplicant("sr");
        String evaluator = system.evaluatorToken("marko");
        String id = core.post("/api/applications", applicant, TestData.application(TestData.mb())).json().get("id").asString();
        awaitInQueue(evaluator, "SCREENING", id);
        assertThat(core.post("/api/applications/" + id + "/withdraw", applicant, "{}").status()).isEqualTo(200);
        // the evaluator decides before the withdrawal reaches the queue, or right after: either way nothing is lost
        evaluation.post("/api/work-items/" + id + "/claim", evaluator, "");
        Response r = evaluation.post("/api/applications/" + id + "/screening", evaluator, "{\"outcome\":\"PASS\",\"checks\":[]}");
        if (r.status() == 202) {
            JsonNode refused = await().atMost(Duration.ofSeconds(30)).until(() -> evaluation.get("/api/work-items/" + id, evaluator).json(),
                    j -> j.get("decisions").get(0).get("outcome").asString().equals("REFUSED"));
            assertThat(refused.get("decisions").get(0).get("refusalReason").asString()).contains("INVALID_TRANSITION");
        } else {
            assertThat(r.json().get("code").asString()).isEqualTo("INVALID_TRANSITION");
        }
        awaitStatus(applicant, id, "WITHDRAWN");
    }

    @Test
    void onlyEvaluatorsWorkTheQueue() {
        String applicant = core.newApplicant("sr");
        Response r = evaluation.get("/api/queue", applicant);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(evaluation.get("/api/queue", null).status()).isEqualTo(401);
    }

    private static void claim(String evaluator, String id) {
        Response r = evaluation.post("/api/work-items/" + id + "/claim", evaluator, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static String plainText(jakarta.mail.internet.MimeMessage m) throws Exception {
        return ((jakarta.mail.Multipart) m.getContent()).getBodyPart(0).getContent().toString();
    }

    static List<jakarta.mail.internet.MimeMessage> mailsTo(String to) throws Exception {
        List<jakarta.mail.internet.MimeMessage> mails = new ArrayList<>();
        for (var m : system.smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                mails.add(m);
            }
        }
        return mails;
    }

    static void accept(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("decisionId").asString()).hasSize(36);
    }

    /** The item as the queue shows it, once it is at {@code stage} (read directly: the queue lists the oldest 500). */
    static JsonNode awaitInQueue(String token, String stage, String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = evaluation.get("/api/work-items/" + id, token);
            return r.status() == 200 ? r.json().get("item") : null;
        }, item -> item != null && stage.equals(item.get("stage").asString()));
    }

    static JsonNode awaitStatus(String token, String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> core.get("/api/applications/" + id, token),
                r -> r.status() == 200 && r.json().get("status").asString().equals(status)).json();
    }
}
