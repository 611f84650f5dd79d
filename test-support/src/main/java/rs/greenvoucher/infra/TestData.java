package rs.greenvoucher.infra;

import java.util.concurrent.ThreadLocalRandom;

/** Valid identifiers and application bodies for tests; enterprises named after real Serbian clusters. */
public final class TestData {

    private TestData() {
    }

    /** A random MB with a correct check digit (weights 2,7,6,5,4,3,2; remainder 1 has no valid digit). */
    public static String mb() {
        while (true) {
            int[] w = {2, 7, 6, 5, 4, 3, 2};
            StringBuilder s = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                s.append(d);
                sum += d * w[i];
            }
            int r = sum % 11;
            if (r == 1) {
                continue;
            }
            return s.append(r == 0 ? 0 : 11 - r).toString();
        }
    }

    /** A pre-qualification application of a green R&D company (issue 28) for this MB. */
    public static String providerApplication(String mb) {
        return """
                {"name":"Laboratorija Zeleni Inženjering d.o.o.","mb":"%s","pib":"%s","kind":"COMPANY","city":"Novi Sad",
                 "expertise":"Ispitivanje energetske efikasnosti, LCA analize i prototipovi reciklirane ambalaže.",
                 "references":["Horizon 2022: LCA ambalaže za Vojvođanski klaster","Akreditovana laboratorija ATS 01-123"]}"""
                .formatted(mb, pib());
    }

    /** A random PIB with a correct ISO 7064 MOD 11,10 check digit. */
    public static String pib() {
        StringBuilder s = new StringBuilder();
        int p = 10;
        for (int i = 0; i < 8; i++) {
            int d = i == 0 ? 1 + ThreadLocalRandom.current().nextInt(9) : ThreadLocalRandom.current().nextInt(10);
            s.append(d);
            int t = (p + d) % 10;
            if (t == 0) {
                t = 10;
            }
            p = (2 * t) % 11;
        }
        return s.append((11 - p) % 10).toString();
    }

    public static String application(String mb) {
        return application(mb, "22.22", "[\"12\", \"23\"]", "10800");
    }

    public static String application(String mb, String nace, String providerCodes, String requested) {
        return application(mb, nace, providerCodes, requested, "ana@example.rs");
    }

    public static String application(String mb, String nace, String providerCodes, String requested, String contactEmail) {
        return """
                {
                  "enterprise": {
                    "mb": "%s", "pib": "%s", "name": "Eko Plast d.o.o. — Ćirilica: Еко Пласт",
                    "address": "Jovana Nenada 15, 24000 Subotica", "region": "Vojvodina",
                    "naceCode": "%s", "registeredOn": "2015-03-01",
                    "ownership": "PRIVATE_DOMESTIC", "employees": 42,
                    "annualTurnoverEur": 3100000, "totalAssetsEur": 2500000,
                    "greenRole": "END_USER", "contactName": "Ana Petrović", "contactEmail": "%s"
                  },
                  "project": {
                    "title": "Recycled PET packaging line", "description": "Prototype of a line that turns PET waste into food-grade packaging.",
                    "services": [{"type": "PROTOTYPING", "description": "Prototype of the extrusion head", "costEur": 12000}],
                    "plannedStart": "2045-02-01",
                    "environmentalIndicators": [{"indicator": "WASTE_REDUCED", "unit": "t/year", "baseline": 120, "target": 80}],
                    "requestedVoucherEur": %s
                  },
                  "providerCodes": %s,
                  "declarations": {"noAffiliation": true, "noLegalProceedings": true, "serviceNotStarted": true, "canCoFinance": true}
                }""".formatted(mb, pib(), nace, contactEmail, requested, providerCodes);
    }
}
