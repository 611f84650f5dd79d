package rs.greenvoucher.local;

import rs.greenvoucher.infra.SamplePdf;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

/**
 * The demo's business data, through the public API: an open call, and applications from enterprises modelled on
 * real Serbian clusters (reference/clusters.csv) waiting in the evaluators' queue — one of them a winery, which
 * the E6 pre-check flags, each with its offers, statements and register extract (D1). Loaded once: a second run finds the call and the applications and leaves them.
 */
final class DemoScenario {

    private DemoScenario() {
    }

    static void load(DemoData demo, String adminToken) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now();
        if (demo.get("/api/calls", adminToken).body().equals("[]")) {
            DemoData.expect(demo.post("/api/calls", adminToken, """
                    {"name":"Zeleni inovacioni vaučeri %d/%d","opensOn":"%s","closesOn":"%s","budgetEur":500000,
                     "maxVoucherEur":20000,"maxSharePercent":90,"completionMonths":6,
                     "requiredDocuments":["PROVIDER_OFFER","FINANCIAL_STATEMENTS","REGISTER_EXTRACT","INVOICE"]}"""
                    .formatted(today.getYear(), today.getYear() + 1, today.minusDays(7), today.plusMonths(4))), 201);
        }
        demo.note("Call \"Zeleni inovacioni vaučeri\": open, budget EUR 500,000 (GET /api/calls)");

        String ana = demo.token("ana.petrovic@example.rs", demo.credentials().password("applicant"));
        String john = demo.token("john.smith@example.com", demo.credentials().password("applicant2"));
        if (!demo.get("/api/applications", ana).body().contains("\"total\":0")) {
            demo.note("Applications exist already (GET /api/applications as ADMIN or an applicant)");
            return;
        }
        submit(demo, ana, "JATO Plast d.o.o.", "Subotica", "Vojvodina", "22.22", "Recycled PET packaging line",
                "PROTOTYPING", 12000, "10800", "WASTE_REDUCED", "t/year", 120, 80, "[\"12\", \"23\"]", "ana.petrovic@example.rs");
        submit(demo, ana, "Vinarija Južna Srbija d.o.o.", "Leskovac", "Southern and Eastern Serbia", "11.02",
                "Solar cooling for wine cellars", "TESTING", 8000, "7200", "ENERGY_SAVED", "MWh/year", 90, 55, "[\"30\"]",
                "ana.petrovic@example.rs");
        submit(demo, john, "Galenit Reciklaža d.o.o.", "Beograd", "Belgrade", "38.32", "Lead recovery from used batteries",
                "PROOF_OF_CONCEPT", 20000, "18000", "MATERIAL_SAVED", "t/year", 0, 35, "[\"18\"]", "john.smith@example.com");
        demo.note("3 applications submitted and waiting for screening (evaluation-service GET /api/queue as evaluator)");
        demo.note("One is a winery (NACE 11.02): its E6 pre-check fails");
    }

    private static void submit(DemoData demo, String token, String name, String city, String region, String nace, String title,
                               String service, int cost, String requested, String indicator, String unit, int baseline, int target,
                               String providers, String email) throws IOException, InterruptedException {
        String body = """
                {"enterprise":{"mb":"%s","pib":"%s","name":"%s","address":"Glavna 1, %s","region":"%s","naceCode":"%s",
                  "registeredOn":"2012-04-15","ownership":"PRIVATE_DOMESTIC","employees":48,"annualTurnoverEur":4200000,
                  "totalAssetsEur":3100000,"greenRole":"END_USER","contactName":"%s","contactEmail":"%s"},
                 "project":{"title":"%s","description":"%s — prototype and tests with an accredited laboratory.",
                  "services":[{"type":"%s","description":"%s with the provider's laboratory","costEur":%d}],
                  "plannedStart":"%s","environmentalIndicators":[{"indicator":"%s","unit":"%s","baseline":%d,"target":%d}],
                  "requestedVoucherEur":%s},
                 "providerCodes":%s,
                 "declarations":{"noAffiliation":true,"noLegalProceedings":true,"serviceNotStarted":true,"canCoFinance":true}}"""
                .formatted(Identifiers.mb(name), Identifiers.pib(name), name, city, region, nace,
                        email.startsWith("ana") ? "Ana Petrović" : "John Smith", email, title, title, service, service.toLowerCase().replace('_', ' '),
                        cost, LocalDate.now().plusMonths(3), indicator, unit, baseline, target, requested, providers);
        // from a draft with the documents the call requires (D1): small generated PDFs standing for the real ones
        HttpResponse<String> draft = demo.post("/api/drafts", token, "{\"form\":{},\"step\":7}");
        DemoData.expect(draft, 201);
        String draftId = draft.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        for (String code : providers.replaceAll("[\\[\\]\" ]", "").split(",")) {
            attach(demo, token, draftId, "PROVIDER_OFFER", code, "Ponuda pruzaoca " + code + ".pdf",
                    SamplePdf.of("Ponuda za usluge istrazivanja i razvoja", name, title, "Iznos: " + cost + " EUR bez PDV-a"));
        }
        attach(demo, token, draftId, "FINANCIAL_STATEMENTS", null, "Finansijski izvestaji 2024-2025.pdf",
                SamplePdf.of("Bilans stanja i bilans uspeha 2024 i 2025", name));
        attach(demo, token, draftId, "REGISTER_EXTRACT", null, "Izvod APR.pdf",
                SamplePdf.of("Izvod iz registra privrednih subjekata", name, "MB " + Identifiers.mb(name)));
        DemoData.expect(demo.post("/api/applications?draftId=" + draftId, token, body), 201);
    }

    private static void attach(DemoData demo, String token, String draftId, String kind, String provider, String name,
                               byte[] pdf) throws IOException, InterruptedException {
        DemoData.expect(demo.upload("/api/drafts/" + draftId + "/documents", token,
                provider == null ? Map.of("kind", kind) : Map.of("kind", kind, "providerCode", provider), name, pdf), 201);
    }

    /** Valid, repeatable MB and PIB numbers for the demo enterprises (check digits per the rules file). */
    static final class Identifiers {
        static String mb(String seed) {
            int[] w = {2, 7, 6, 5, 4, 3, 2};
            for (int n = Math.floorMod(seed.hashCode(), 8_000_000) + 1_000_000; ; n++) {
                String first = Integer.toString(n);
                int sum = 0;
                for (int i = 0; i < 7; i++) {
                    sum += (first.charAt(i) - '0') * w[i];
                }
                int r = sum % 11;
                if (r != 1) {
                    return first + (r == 0 ? 0 : 11 - r);
                }
            }
        }

        static String pib(String seed) {
            String first = Integer.toString(Math.floorMod(seed.hashCode(), 90_000_000) + 10_000_000);
            int p = 10;
            for (int i = 0; i < 8; i++) {
                int s = (p + (first.charAt(i) - '0')) % 10;
                p = (2 * (s == 0 ? 10 : s)) % 11;
            }
            return first + (11 - p) % 10;
        }
    }
}
