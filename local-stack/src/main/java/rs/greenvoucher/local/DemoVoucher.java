package rs.greenvoucher.local;

import rs.greenvoucher.infra.SamplePdf;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The second half of a voucher's life in the demo (docs/adr/0032): John Smith's enterprise chooses the faculty of code
 * 12; the evaluators screen, match and approve it (four eyes) through the evaluation service, and the faculty's
 * person has invoiced the service. What is left to try in the portal: John confirms the delivery and reports
 * completion, an evaluator verifies it, one manager proposes the payment and the other approves it.
 */
final class DemoVoucher {

    static final String ENTERPRISE = "Eko Ambalaža Čačak d.o.o.";

    private DemoVoucher() {
    }

    static void load(DemoData demo) throws IOException, InterruptedException {
        String john = demo.token("john.smith@example.com", demo.credentials().password("applicant2"));
        if (demo.get("/api/applications", john).body().contains(ENTERPRISE)) {
            return;
        }
        String body = """
                {"enterprise":{"mb":"%s","pib":"%s","name":"%s","address":"Bulevar oslobođenja 12, Čačak","region":"Šumadija and Western Serbia",
                  "naceCode":"17.21","registeredOn":"2011-06-01","ownership":"PRIVATE_DOMESTIC","employees":64,"annualTurnoverEur":5200000,
                  "totalAssetsEur":3900000,"greenRole":"END_USER","contactName":"John Smith","contactEmail":"john.smith@example.com"},
                 "project":{"title":"Compostable fibre trays for the Čačak fruit cluster","description":"Moulded-fibre trays instead of polystyrene, tested with the faculty's laboratory.",
                  "services":[{"type":"TESTING","description":"Compostability and food-contact tests","costEur":15000}],
                  "plannedStart":"%s","environmentalIndicators":[{"indicator":"WASTE_REDUCED","unit":"t/year","baseline":60,"target":15}],
                  "requestedVoucherEur":13500},
                 "providerCodes":["12"],
                 "declarations":{"noAffiliation":true,"noLegalProceedings":true,"serviceNotStarted":true,"canCoFinance":true}}"""
                .formatted(DemoScenario.Identifiers.mb(ENTERPRISE), DemoScenario.Identifiers.pib(ENTERPRISE), ENTERPRISE,
                        LocalDate.now().plusMonths(1));
        HttpResponse<String> draft = demo.post("/api/drafts", john, "{\"form\":{},\"step\":7}");
        DemoData.expect(draft, 201);
        String draftId = id(draft.body());
        for (String[] doc : new String[][]{{"PROVIDER_OFFER", "12", "Ponuda TMF.pdf"}, {"FINANCIAL_STATEMENTS", null, "Financial statements.pdf"},
                {"REGISTER_EXTRACT", null, "Izvod APR.pdf"}}) {
            DemoData.expect(demo.upload("/api/drafts/" + draftId + "/documents", john,
                    doc[1] == null ? Map.of("kind", doc[0]) : Map.of("kind", doc[0], "providerCode", doc[1]), doc[2],
                    SamplePdf.of(doc[2], ENTERPRISE)), 201);
        }
        HttpResponse<String> submitted = demo.post("/api/applications?draftId=" + draftId, john, body);
        DemoData.expect(submitted, 201);
        String id = id(submitted.body());

        String jelena = demo.token("evaluator", demo.credentials().password("evaluator"));
        String marko = demo.token("evaluator2", demo.credentials().password("evaluator2"));
        awaitStage(demo, jelena, id, "\"stage\":\"SCREENING\"");
        decide(demo, jelena, id, "/screening", "{\"outcome\":\"PASS\",\"checks\":[],\"noteToApplicant\":\"The application is eligible.\"}");
        awaitStage(demo, jelena, id, "\"stage\":\"PROVIDER_MATCHING\"");
        decide(demo, jelena, id, "/provider-match", "{\"providerCodes\":[\"12\"],\"note\":\"\"}");
        awaitStage(demo, jelena, id, "\"stage\":\"COMMITTEE\"");
        decide(demo, marko, id, "/decision", """
                {"decision":"APPROVE","voucherAmountEur":13500,"scores":{"resourceEfficiency":5,"scalability":4,"innovation":4},
                 "reason":"Replaces polystyrene in a whole cluster's packaging."}""");
        await(() -> demo.get("/api/applications/" + id, john).body(), doc -> doc.contains("\"status\":\"APPROVED\"")
                || doc.contains("\"status\": \"APPROVED\""), "the approval of " + id);

        String dragana = demo.token("dragana.nikolic@tmf.example.rs", demo.credentials().password("provider"));
        DemoData.expect(demo.upload("/api/provider/vouchers/" + id + "/invoices", dragana,
                Map.of("serviceIndex", "0", "number", "TMF-" + LocalDate.now().getYear() + "/118", "issuedOn", LocalDate.now().toString(),
                        "amountEur", "15000"), "Faktura TMF-118.pdf", SamplePdf.of("Faktura TMF-118", ENTERPRISE, "15.000,00 EUR")), 201);
        demo.note("A voucher of EUR 13,500 (" + ENTERPRISE + ", John Smith) names provider 12, whose invoice of EUR 15,000 waits"
                + " for John to confirm the delivery; then: report completion, verify it, and pay with two managers");
    }

    private static void decide(DemoData demo, String token, String id, String action, String body) throws IOException, InterruptedException {
        DemoData.expect(demo.postToEvaluation("/api/work-items/" + id + "/claim", token, ""), 200);
        DemoData.expect(demo.postToEvaluation("/api/applications/" + id + action, token, body), 202);
    }

    private static void awaitStage(DemoData demo, String token, String id, String stage) throws IOException, InterruptedException {
        await(() -> {
            HttpResponse<String> r = demo.getFromEvaluation("/api/work-items/" + id, token);
            return r.statusCode() == 200 ? r.body().replace(" ", "") : "";
        }, item -> item.contains(stage), id + " at " + stage);
    }

    interface Read {
        String get() throws IOException, InterruptedException;
    }

    /** Polls until the condition holds (the services work asynchronously through Kafka), for at most a minute. */
    private static void await(Read read, Predicate<String> done, String what) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!done.test(read.get())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the demo waited a minute for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static String id(String json) {
        return json.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
    }
}
