package rs.greenvoucher.core.payments;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.CoreIntegrationTest;
import rs.greenvoucher.core.LimitsRaceIT;
import rs.greenvoucher.core.voucher.decide.DecideOnApplication;
import rs.greenvoucher.core.voucher.match.MatchProviders;
import rs.greenvoucher.core.voucher.screen.ScreenApplication;
import rs.greenvoucher.core.voucher.verify.VerifyCompletion;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.SamplePdf;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invoices and payments on real PostgreSQL through the HTTP API (docs/adr/0032): the rules refuse with their codes and
 * change nothing, four eyes hold, and concurrent approvals never take a call's payments past its budget.
 */
class PaymentsIT extends CoreIntegrationTest {

    @Autowired
    CommandGateway commands;

    /** A provider of its own, a person linked to it, an applicant and an approved voucher of EUR 10 800 naming it. */
    record Voucher(UUID id, String applicant, String provider, String providerCode) {
    }

    Voucher approvedVoucher() {
        String admin = admin();
        String code = api.post("/api/providers", admin, "{\"name\":\"Laboratorija Matrica d.o.o.\",\"kind\":\"COMPANY\",\"city\":\"Niš\",\"mb\":\"%s\"}"
                .formatted(TestData.mb())).json().get("code").asString();
        String provider = api.token(api.newProviderAccount("sr"), HttpApi.APPLICANT_PASSWORD);
        String account = api.get("/api/accounts/me", provider).json().get("id").asString();
        assertThat(api.post("/api/accounts/" + account + "/provider", admin, "{\"providerCode\":\"" + code + "\"}").status()).isEqualTo(200);
        String applicant = api.newApplicant("sr");
        Response submitted = api.post("/api/applications", applicant, TestData.application(TestData.mb(), "22.22", "[\"" + code + "\"]", "10800"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        UUID id = UUID.fromString(submitted.json().get("id").asString());
        commands.sendAndWait(new ScreenApplication(id, UUID.randomUUID(), true, List.of(), "", "eva"));
        commands.sendAndWait(new MatchProviders(id, UUID.randomUUID(), List.of(new ProviderCode(code)), "", "eva"));
        commands.sendAndWait(new DecideOnApplication(id, UUID.randomUUID(), true, Money.eur("10800"), new Scores(5, 4, 4), List.of(), "",
                "committee"));
        return new Voucher(id, applicant, provider, code);
    }

    Response invoice(Voucher v, String number, String amount) {
        return api.upload("/api/provider/vouchers/" + v.id() + "/invoices", v.provider(),
                Map.of("serviceIndex", "0", "number", number, "issuedOn", "2026-11-20", "amountEur", amount),
                "faktura-" + number + ".pdf", SamplePdf.of("Faktura " + number, "Iznos " + amount + " EUR"));
    }

    /** A completed voucher whose provider invoiced EUR 11 000 and whose enterprise confirmed the delivery. */
    Voucher completedVoucher() {
        Voucher v = approvedVoucher();
        Response invoiced = invoice(v, "F-1", "11000");
        assertThat(invoiced.status()).as(invoiced.body()).isEqualTo(201);
        String invoiceId = invoiced.json().get("id").asString();
        assertThat(api.post("/api/applications/" + v.id() + "/invoices/" + invoiceId + "/delivery", v.applicant(), "").status())
                .isEqualTo(200);
        assertThat(api.post("/api/applications/" + v.id() + "/completion-report", v.applicant(), """
                {"summary":"Gotovo.","deliverables":["Prototip"],"invoicedEur":11000,
                 "environmentalResults":[{"indicator":"WASTE_REDUCED","unit":"t/year","value":78}]}""").status()).isEqualTo(200);
        commands.sendAndWait(new VerifyCompletion(v.id(), UUID.randomUUID(), true, "", "eva"));
        return v;
    }

    String manager() {
        String username = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/accounts/staff", admin(), """
                {"username":"%s","password":"manager-password-123","fullName":"Miloš Stanković","role":"MANAGER"}"""
                .formatted(username)).status()).isEqualTo(201);
        return api.token(username, "manager-password-123");
    }

    long events(UUID application) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", application.toString()).query(Long.class).single();
    }

    @Test
    void anInvoiceOverItsServicesAgreedCostIsRefusedWithI2AndChangesNothing() {
        Voucher v = approvedVoucher();
        long before = events(v.id());
        Response over = invoice(v, "F-1", "12000.01");
        assertProblem(over, 422, "SCHEME_RULE_VIOLATED");
        assertThat(over.json().get("ruleCodes").toString()).contains("I2");
        assertThat(events(v.id())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from application_document where subject = :id").param("id", v.id())
                .query(Long.class).single()).isZero();
        // within the cost, it is taken, and the provider reads it as waiting for the enterprise
        assertThat(invoice(v, "F-2", "12000").status()).isEqualTo(201);
        JsonNode mine = api.get("/api/provider/vouchers", v.provider()).json().get(0);
        assertThat(mine.get("invoices").get(0).get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(mine.get("invoices").get(0).get("amountEur").decimalValue()).isEqualByComparingTo("12000");
        // a provider that is not on the voucher does not see it
        String stranger = api.token(api.newProviderAccount("sr"), HttpApi.APPLICANT_PASSWORD);
        assertThat(api.upload("/api/provider/vouchers/" + v.id() + "/invoices", stranger,
                Map.of("serviceIndex", "0", "number", "X-1", "issuedOn", "2026-11-20", "amountEur", "1"), "x.pdf",
                SamplePdf.of("x")).status()).isEqualTo(404);
    }

    @Test
    void aPaymentIsProposedByOneManagerApprovedByAnotherAndPaid() {
        Voucher v = completedVoucher();
        String first = manager();
        String second = manager();
        Response proposed = api.post("/api/applications/" + v.id() + "/payments", first, "{\"providerCode\":\"" + v.providerCode() + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        // 90 % of EUR 11 000, within the voucher of EUR 10 800
        assertThat(proposed.json().get("amountEur").decimalValue()).isEqualByComparingTo("9900");
        String payment = proposed.json().get("id").asString();
        String base = "/api/applications/" + v.id() + "/payments/" + payment;

        assertProblem(api.post(base + "/approval", first, ""), 409, "FOUR_EYES");
        assertThat(api.post("/api/applications/" + v.id() + "/payments", second, "{\"providerCode\":\"" + v.providerCode() + "\"}").status())
                .isEqualTo(409);
        Response approved = api.post(base + "/approval", second, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertProblem(api.post(base + "/paid", first, "{\"bankReference\":\"\"}"), 400, "VALIDATION_FAILED");
        // paid an hour later: the report as it stood before has it approved, not paid
        clock.set(DEFAULT_NOW.plusSeconds(3600));
        Response paid = api.post(base + "/paid", first, "{\"bankReference\":\"RS35-2026-000114\"}");
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");

        JsonNode money = api.get("/api/applications/" + v.id() + "/money", v.applicant()).json();
        assertThat(money.get("invoices").get(0).get("state").asString()).isEqualTo("PAID");
        JsonNode order = api.get("/api/provider/vouchers", v.provider()).json().get(0).get("payments").get(0);
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("bankReference").asString()).isEqualTo("RS35-2026-000114");
        assertThat(order.get("proposedBy").isNull()).as("a provider does not read the staff's names").isTrue();
        // the report's money of the provider: invoiced, approved for payment and paid
        String manager = first;
        await().atMost(Duration.ofSeconds(30)).until(() -> providerMoney(api.get("/api/reports/throughput", manager).json(), v.providerCode()) != null
                && providerMoney(api.get("/api/reports/throughput", manager).json(), v.providerCode()).get("paidEur").decimalValue()
                .compareTo(new BigDecimal("9900")) == 0);
        JsonNode row = providerMoney(api.get("/api/reports/throughput", manager).json(), v.providerCode());
        assertThat(row.get("invoicedEur").decimalValue()).isEqualByComparingTo("11000");
        assertThat(row.get("approvedForPaymentEur").decimalValue()).isEqualByComparingTo("9900");
        assertThat(row.get("committedEur").decimalValue()).isEqualByComparingTo("10800");
        JsonNode before = providerMoney(api.get("/api/reports/throughput?asOf=" + DEFAULT_NOW.plusSeconds(1800), manager).json(),
                v.providerCode());
        assertThat(before.get("approvedForPaymentEur").decimalValue()).isEqualByComparingTo("9900");
        assertThat(before.get("paidEur").decimalValue()).isEqualByComparingTo("0");
        // the what-if replays the paid invoices at another share, within the voucher: 95 % of 11 000 is 10 450
        String callId = jdbc.sql("select call_id::text from application_view where id = :id").param("id", v.id()).query(String.class).single();
        JsonNode whatIf = api.post("/api/reports/what-if", manager, "{\"callId\":\"" + callId + "\",\"maxSharePercent\":95}").json();
        BigDecimal actual = whatIf.get("providersPaidEur").get("actual").decimalValue();
        assertThat(actual).isGreaterThanOrEqualTo(new BigDecimal("9900"));
        assertThat(whatIf.get("providersPaidEur").get("whatIf").decimalValue().subtract(actual)).isEqualByComparingTo("550");
        // another person's voucher is nobody else's business
        assertThat(api.get("/api/applications/" + v.id() + "/money", api.newApplicant("sr")).status()).isEqualTo(404);
    }

    @Test
    void twoManagersApprovingOneOrderAtOnceApproveItOnce() throws Exception {
        Voucher v = completedVoucher();
        String proposer = manager();
        String payment = api.post("/api/applications/" + v.id() + "/payments", proposer, "{\"providerCode\":\"" + v.providerCode() + "\"}")
                .json().get("id").asString();
        List<String> approvers = List.of(manager(), manager(), manager());
        UUID call = jdbc.sql("select call_id from application_view where id = :id").param("id", v.id()).query(UUID.class).single();
        BigDecimal before = payments(call);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (String approver : approvers) {
            tasks.add(() -> api.post("/api/applications/" + v.id() + "/payments/" + payment + "/approval", approver, "").status());
        }
        List<Integer> statuses = LimitsRaceIT.race(tasks);
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(payments(call).subtract(before)).isEqualByComparingTo("9900");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id and payload_type like '%PaymentApproved'")
                .param("id", v.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * L4 for the money: the call's approved payments never pass its budget. Three orders of EUR 9 900 are approved at
     * once in a call whose budget has EUR 15 000 left for payments (the rest set aside as if paid before): one wins.
     */
    @Test
    void concurrentApprovalsNeverTakeTheCallsPaymentsPastItsBudget() throws Exception {
        List<Voucher> vouchers = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        String proposer = manager();
        for (int i = 0; i < 3; i++) {
            Voucher v = completedVoucher();
            vouchers.add(v);
            orders.add(api.post("/api/applications/" + v.id() + "/payments", proposer, "{\"providerCode\":\"" + v.providerCode() + "\"}")
                    .json().get("id").asString());
        }
        UUID theirCall = jdbc.sql("select call_id from application_view where id = :id").param("id", vouchers.get(0).id())
                .query(UUID.class).single();
        BigDecimal budget = jdbc.sql("select budget_eur from scheme_call where id = :id").param("id", theirCall)
                .query(BigDecimal.class).single();
        BigDecimal taken = budget.subtract(payments(theirCall)).subtract(new BigDecimal("15000"));
        jdbc.sql("update scheme_call set payments_eur = payments_eur + :taken where id = :id")
                .param("taken", taken).param("id", theirCall).update();
        try {
            raceForTheLast15000(vouchers, orders, theirCall, budget);
        } finally {
            // the other tests share the call
            jdbc.sql("update scheme_call set payments_eur = payments_eur - :taken where id = :id")
                    .param("taken", taken).param("id", theirCall).update();
        }
    }

    private void raceForTheLast15000(List<Voucher> vouchers, List<String> orders, UUID theirCall, BigDecimal budget) throws Exception {
        String approver = manager();
        List<Callable<Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String path = "/api/applications/" + vouchers.get(i).id() + "/payments/" + orders.get(i) + "/approval";
            tasks.add(() -> api.post(path, approver, ""));
        }
        List<Response> answers = LimitsRaceIT.race(tasks);
        assertThat(answers).extracting(Response::status).containsOnlyOnce(200).containsOnly(200, 409);
        answers.stream().filter(r -> r.status() == 409).forEach(r -> {
            assertThat(r.json().get("code").asString()).isEqualTo("CALL_BUDGET_EXCEEDED");
            assertThat(r.json().get("ruleCodes").toString()).contains("L4");
        });
        assertThat(payments(theirCall)).isEqualByComparingTo(budget.subtract(new BigDecimal("5100")));
        // a declined approved order gives its amount back
        int winner = answers.indexOf(answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow());
        assertThat(api.post("/api/applications/" + vouchers.get(winner).id() + "/payments/" + orders.get(winner) + "/decline", approver,
                "{\"reason\":\"The invoice names another account.\"}").status()).isEqualTo(200);
        assertThat(payments(theirCall)).isEqualByComparingTo(budget.subtract(new BigDecimal("15000")));
    }

    BigDecimal payments(UUID call) {
        return jdbc.sql("select payments_eur from scheme_call where id = :id").param("id", call).query(BigDecimal.class).single();
    }

    static JsonNode providerMoney(JsonNode report, String code) {
        for (JsonNode p : report.get("providerMoney")) {
            if (p.get("providerCode").asString().equals(code)) {
                return p;
            }
        }
        return null;
    }
}
