package rs.greenvoucher.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: whatever hostile value is put into whichever field of whichever write operation of the three services,
 * the answer is never a 5xx, never shows an internal (a class name, a stack frame, SQL), is problem+json when it
 * refuses, and a refused request leaves nothing behind (no event, no account, no call, no provider, no decision).
 * <p>
 * The cases are drawn from a seeded random source: the seed is printed, and {@code -Dgv.hostile.seed=...} repeats a
 * run exactly; {@code -Dgv.hostile.cases=...} sets the number of cases per operation.
 */
class HostileInputIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PLACEHOLDER = "ZZ-HOSTILE-ZZ";
    static final List<String> INTERNALS = List.of("Exception", "at rs.", "at org.", "at java.", "java.lang", "org.springframework",
            "org.axonframework", "SQLState", "PSQL", "postgres", "tools.jackson", "com.fasterxml", "jakarta.", "Caused by");

    record Operation(String name, HttpApi api, String path, Supplier<String> token, Supplier<String> validBody,
                     Supplier<Long> footprint) {
    }

    static SystemUnderTest system;
    static final List<Operation> OPERATIONS = new ArrayList<>();
    static final AtomicInteger sent = new AtomicInteger();
    static final java.util.Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();

    @BeforeAll
    static void operations() {
        system = SystemUnderTest.api();
        HttpApi core = system.core;
        HttpApi evaluation = system.evaluation;
        String admin = system.adminToken();
        String applicant = core.newApplicant("sr");
        String passwordChanger = core.newApplicant("en");
        String evaluator = system.evaluatorToken("marko");
        String withdrawn = core.post("/api/applications", applicant, TestData.application(TestData.mb())).json().get("id").asString();
        core.post("/api/applications/" + withdrawn + "/withdraw", applicant, "{}");
        String submitted = core.post("/api/applications", applicant, TestData.application(TestData.mb())).json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> evaluation.get("/api/work-items/" + submitted, evaluator).status() == 200);

        Supplier<Long> coreFootprint = () -> count("gv_core", """
                select (select count(*) from domain_event_entry) + (select count(*) from account) + (select count(*) from scheme_call)
                     + (select count(*) from provider) + (select count(*) from refresh_token)
                     + (select count(*) from provider_application) + (select count(*) from account where provider_code is not null)""");
        Supplier<Long> decisions = () -> count("gv_evaluation", "select count(*) from decision");

        OPERATIONS.add(new Operation("sign-up", core, "/api/accounts/applicants", () -> null, () -> """
                {"email":"h-%s@example.rs","password":"correct horse battery","fullName":"Ana Petrović","preferredLanguage":"sr"}"""
                .formatted(UUID.randomUUID()), coreFootprint));
        OPERATIONS.add(new Operation("sign-in", core, "/api/auth/token", () -> null, () -> """
                {"username":"nobody-%s@example.rs","password":"not a password at all"}""".formatted(UUID.randomUUID()), coreFootprint));
        OPERATIONS.add(new Operation("refresh", core, "/api/auth/refresh", () -> null, () -> "{\"refreshToken\":\"not-a-refresh-token\"}",
                coreFootprint));
        OPERATIONS.add(new Operation("submit", core, "/api/applications", () -> applicant, () -> TestData.application(TestData.mb()),
                coreFootprint));
        // the dry run writes nothing, whatever it is sent; a draft is any object, but only an object
        Supplier<Long> dryRunFootprint = () -> count("gv_core", """
                select (select count(*) from domain_event_entry) + (select count(*) from enterprise_claim)
                     + (select count(*) from enterprise_role) + (select count(*) from applicant_slot)""");
        OPERATIONS.add(new Operation("dry run", core, "/api/applications/checks", () -> applicant,
                () -> TestData.application(TestData.mb()), dryRunFootprint));
        String drafter = core.newApplicant("sr");
        OPERATIONS.add(new Operation("draft", core, "/api/drafts", () -> drafter, () -> """
                {"form":{"enterprise":{"name":"Eko Plast","mb":"12345678"},"project":{"services":[{"costEur":"12.000"}]}},"step":3}""",
                () -> count("gv_core", "select count(*) from application_draft")));
        OPERATIONS.add(new Operation("withdraw", core, "/api/applications/" + withdrawn + "/withdraw", () -> applicant,
                () -> "{\"reason\":\"Promenili smo plan\"}", coreFootprint));
        OPERATIONS.add(new Operation("completion report", core, "/api/applications/" + submitted + "/completion-report", () -> applicant,
                () -> """
                        {"summary":"Gotovo.","deliverables":["Prototip"],"invoicedEur":12000,
                         "environmentalResults":[{"indicator":"WASTE_REDUCED","unit":"t/year","value":78}]}""", coreFootprint));
        OPERATIONS.add(new Operation("password change", core, "/api/accounts/me/password", () -> passwordChanger,
                () -> "{\"currentPassword\":\"not my password\",\"newPassword\":\"a brand new passphrase\"}", coreFootprint));
        // an R&D organisation's people: their sign-up, their pre-qualification, the ADMIN's refusal and link
        OPERATIONS.add(new Operation("provider sign-up", core, "/api/accounts/providers", () -> null, () -> """
                {"email":"p-%s@example.rs","password":"correct horse battery","fullName":"Jelena Marković","preferredLanguage":"sr"}"""
                .formatted(UUID.randomUUID()), coreFootprint));
        String providerPerson = core.token(core.newProviderAccount("sr"), HttpApi.APPLICANT_PASSWORD);
        OPERATIONS.add(new Operation("pre-qualification", core, "/api/provider-applications", () -> providerPerson,
                () -> TestData.providerApplication(TestData.mb()), coreFootprint));
        String waiting = core.post("/api/provider-applications", core.token(core.newProviderAccount("en"), HttpApi.APPLICANT_PASSWORD),
                TestData.providerApplication(TestData.mb())).json().get("id").asString();
        OPERATIONS.add(new Operation("pre-qualification refusal", core, "/api/provider-applications/" + waiting + "/refusal", () -> admin,
                () -> "{\"ruleCodes\":[\"P3\"],\"reason\":\"Reference nisu iz zelenih istraživanja.\"}", coreFootprint));
        String unlinked = core.get("/api/accounts/me", core.token(core.newProviderAccount("sr"), HttpApi.APPLICANT_PASSWORD))
                .json().get("id").asString();
        OPERATIONS.add(new Operation("provider link", core, "/api/accounts/" + unlinked + "/provider", () -> admin,
                () -> "{\"providerCode\":\"12\"}", coreFootprint));
        // takes no body: whatever is sent instead of one is ignored, never a 5xx
        OPERATIONS.add(new Operation("log head", core, "/api/admin/log/heads", () -> admin, () -> "{}", coreFootprint));
        OPERATIONS.add(new Operation("call", core, "/api/calls", () -> admin, () -> """
                {"name":"Poziv 2091","opensOn":"2091-01-01","closesOn":"2091-12-31","budgetEur":100000,"maxVoucherEur":20000,
                 "maxSharePercent":90,"completionMonths":6}""", coreFootprint));
        OPERATIONS.add(new Operation("provider", core, "/api/providers", () -> admin,
                () -> "{\"name\":\"Laboratorija Zeleni Kod\",\"kind\":\"COMPANY\",\"city\":\"Niš\",\"mb\":\"%s\"}".formatted(TestData.mb()),
                coreFootprint));
        OPERATIONS.add(new Operation("staff", core, "/api/accounts/staff", () -> admin, () -> """
                {"username":"h%s","password":"staff password 123","fullName":"Jelena","role":"EVALUATOR","email":"h@greenvoucher.rs"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 12)), coreFootprint));
        // nothing to correct at the committee yet: a valid proposal is refused (INVALID_TRANSITION), a hostile one at the door
        // payments (docs/adr/0032): the application is not completed, the order does not exist; valid bodies are refused too
        String manager = system.evaluatorToken("milos");
        OPERATIONS.add(new Operation("payment proposal", core, "/api/applications/" + submitted + "/payments", () -> manager,
                () -> "{\"providerCode\":\"12\"}", coreFootprint));
        String noOrder = "/api/applications/" + submitted + "/payments/" + UUID.randomUUID();
        OPERATIONS.add(new Operation("payment decline", core, noOrder + "/decline", () -> manager,
                () -> "{\"reason\":\"Račun glasi na drugi račun.\"}", coreFootprint));
        OPERATIONS.add(new Operation("payment paid", core, noOrder + "/paid", () -> manager,
                () -> "{\"bankReference\":\"RS35-2026-1\"}", coreFootprint));
        OPERATIONS.add(new Operation("correction", core, "/api/applications/" + submitted + "/corrections", () -> admin,
                () -> "{\"stage\":\"COMMITTEE\",\"ruleCodes\":[\"E7\"],\"reason\":\"Povezani pružalac.\"}", coreFootprint));
        // the applicant has an application under way: a valid erasure is refused (INVALID_TRANSITION) and erases nothing
        String applicantAccount = core.get("/api/accounts/me", applicant).json().get("id").asString();
        OPERATIONS.add(new Operation("erasure", core, "/api/accounts/" + applicantAccount + "/erasure", () -> admin,
                () -> "{\"reason\":\"Zahtev 17/2026\"}", () -> coreFootprint.get()
                        + count("gv_core", "select count(*) from personal_key where key is null")
                        + count("gv_core", "select count(*) from account where full_name = '[erased]'")));
        // the item is not claimed by this evaluator: a valid decision is refused (NOT_CLAIMED), a hostile one at the door
        OPERATIONS.add(new Operation("screening", evaluation, "/api/applications/" + submitted + "/screening", () -> evaluator,
                () -> "{\"outcome\":\"FAIL\",\"checks\":[{\"rule\":\"E6\",\"passed\":false,\"note\":\"vino\"}],\"noteToApplicant\":\"Ne.\"}",
                decisions));
        OPERATIONS.add(new Operation("provider match", evaluation, "/api/applications/" + submitted + "/provider-match", () -> evaluator,
                () -> "{\"providerCodes\":[\"12\",\"23\"],\"note\":\"ok\"}", decisions));
        OPERATIONS.add(new Operation("committee decision", evaluation, "/api/applications/" + submitted + "/decision", () -> evaluator,
                () -> """
                        {"decision":"APPROVE","voucherAmountEur":10800,"scores":{"resourceEfficiency":4,"scalability":3,"innovation":5},
                         "ruleCodes":["E2"],"reason":"Dobro."}""", decisions));
        OPERATIONS.add(new Operation("completion verification", evaluation, "/api/applications/" + submitted + "/completion-verification",
                () -> evaluator, () -> "{\"accepted\":true,\"note\":\"Uredno.\"}", decisions));
    }

    @TestFactory
    Stream<DynamicTest> noHostileValueInAnyFieldOfAnyWriteOperationBreaksAnything() {
        long seed = Long.getLong("gv.hostile.seed", System.nanoTime());
        int cases = Integer.getInteger("gv.hostile.cases", 40);
        System.out.printf("hostile input: seed %d (-Dgv.hostile.seed=%d repeats this run), %d cases per operation, %d operations%n",
                seed, seed, cases, OPERATIONS.size());
        Random random = new Random(seed);
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            for (int i = 0; i < cases; i++) {
                long caseSeed = random.nextLong();
                tests.add(DynamicTest.dynamicTest(operation.name() + " #" + i, () -> hostileCase(operation, new Random(caseSeed))));
            }
        }
        return tests.stream();
    }

    private static void hostileCase(Operation operation, Random random) {
        String valid = operation.validBody().get();
        JsonNode tree = JSON.readTree(valid);
        List<String> fields = new ArrayList<>();
        collect(tree, "", fields);
        String field = fields.get(random.nextInt(fields.size()));
        HostileValues.Value value = HostileValues.next(random);
        String body = JSON.writeValueAsString(replace(tree, field)).replace("\"" + PLACEHOLDER + "\"", value.json());

        long before = operation.footprint().get();
        HttpApi.Response r = operation.api().post(operation.path(), operation.token().get(), body);
        sent.incrementAndGet();
        statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
        String what = operation.name() + ", " + field + " := " + value.kind() + " → " + r.status() + " " + abbreviate(r.body());
        assertThat(r.status()).as(what).isLessThan(500);
        for (String internal : INTERNALS) {
            assertThat(r.body()).as(what).doesNotContain(internal);
        }
        if (r.status() >= 400) {
            assertThat(r.contentType()).as(what).startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).as(what).isNotBlank();
            assertThat(operation.footprint().get()).as("a refused request left something behind: " + what).isEqualTo(before);
        }
    }

    /** Every member and item of the body, as JSON pointers (the body itself too: a hostile value instead of it). */
    private static void collect(JsonNode node, String pointer, List<String> fields) {
        fields.add(pointer);
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), pointer + "/" + e.getKey(), fields));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, fields);
            }
        }
    }

    private static JsonNode replace(JsonNode tree, String pointer) {
        if (pointer.isEmpty()) {
            return JSON.getNodeFactory().textNode(PLACEHOLDER);
        }
        JsonNode copy = tree.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.put(last, PLACEHOLDER);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), JSON.getNodeFactory().textNode(PLACEHOLDER));
        }
        return copy;
    }

    /**
     * Uploads that are not documents, or are too many: never a 5xx, never an internal, and a refused file leaves no
     * row; a thousand uploads at once, eight at a time, leave exactly the forty an application may carry.
     */
    @org.junit.jupiter.api.Test
    void uploadsThatAreNotDocumentsOrAreTooManyAreRefusedAndLeaveNothing() throws Exception {
        HttpApi core = system.core;
        String applicant = core.newApplicant("sr");
        String draft = core.post("/api/drafts", applicant, "{\"form\":{},\"step\":7}").json().get("id").asString();
        String path = "/api/drafts/" + draft + "/documents";
        java.util.function.LongSupplier rows = () -> count("gv_core",
                "select count(*) from application_document where draft_id = '" + draft + "'");
        byte[] pdf = rs.greenvoucher.infra.SamplePdf.of("Bilans stanja");
        byte[] exe = java.util.Arrays.copyOf("MZ\u0090\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 2048);
        List<HttpApi.Response> refused = List.of(
                core.upload(path, applicant, java.util.Map.of("kind", "FINANCIAL_STATEMENTS"), "bilans.pdf", exe),
                core.upload(path, applicant, java.util.Map.of("kind", "FINANCIAL_STATEMENTS"), "bilans.pdf", new byte[0]),
                core.upload(path, applicant, java.util.Map.of("kind", "FINANCIAL_STATEMENTS"), "veliki.pdf",
                        java.util.Arrays.copyOf(pdf, 11 * 1024 * 1024)),
                core.upload(path, applicant, java.util.Map.of("kind", "../../etc"), "bilans.pdf", pdf),
                core.upload(path, applicant, java.util.Map.of("kind", "FINANCIAL_STATEMENTS"), "bilans\u0000.pdf", pdf));
        for (HttpApi.Response r : refused) {
            assertThat(r.status()).as(r.body()).isBetween(400, 499);
            assertThat(r.contentType()).startsWith("application/problem+json");
            INTERNALS.forEach(internal -> assertThat(r.body()).doesNotContain(internal));
        }
        assertThat(rows.getAsLong()).isZero();
        HttpApi.Response named = core.upload(path, applicant, java.util.Map.of("kind", "OTHER"), "../../../etc/passwd.pdf", pdf);
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().get("fileName").asString()).isEqualTo("passwd.pdf");

        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            answers.add(pool.submit(() -> core.upload(path, applicant, java.util.Map.of("kind", "OTHER"), "strana-" + n + ".pdf", pdf)
                    .status()));
        }
        java.util.Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (var answer : answers) {
            byStatus.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(byStatus).containsOnlyKeys(201, 400).containsEntry(201, 39).containsEntry(400, 961);
        assertThat(rows.getAsLong()).isEqualTo(40);
    }

    /**
     * An invoice's fields as a form sends them, each hostile in turn (the PDF a real one): refused at the door with
     * problem+json, never a 5xx or an internal, and no invoice, document or event left behind.
     */
    @org.junit.jupiter.api.Test
    void invoicesWithHostileFieldsAreRefusedAndLeaveNothing() {
        HttpApi core = system.core;
        String admin = system.adminToken();
        String code = core.post("/api/providers", admin, "{\"name\":\"Laboratorija Zeleni Kod\",\"kind\":\"COMPANY\",\"city\":\"Niš\",\"mb\":\"%s\"}"
                .formatted(TestData.mb())).json().get("code").asString();
        String provider = core.token(core.newProviderAccount("sr"), HttpApi.APPLICANT_PASSWORD);
        String account = core.get("/api/accounts/me", provider).json().get("id").asString();
        assertThat(core.post("/api/accounts/" + account + "/provider", admin, "{\"providerCode\":\"" + code + "\"}").status()).isEqualTo(200);
        String application = core.post("/api/applications", core.newApplicant("sr"), TestData.application(TestData.mb())).json()
                .get("id").asString();
        java.util.function.LongSupplier left = () -> count("gv_core", "select (select count(*) from voucher_invoice)"
                + " + (select count(*) from application_document where subject = '" + application + "')"
                + " + (select count(*) from domain_event_entry where aggregate_identifier = '" + application + "')");
        long before = left.getAsLong();
        java.util.Map<String, String> valid = java.util.Map.of("serviceIndex", "0", "number", "ZK-1", "issuedOn", "2026-11-20",
                "amountEur", "100");
        List<String> hostile = List.of("", " ", "-1", "1e308", "99", "0.001", "NaN", "2026-02-30", "'; drop table account; --",
                "<script>alert(1)</script>", "${jndi:ldap://x/a}", "ž".repeat(5000), "a\u0000b", "\u202Egpj.exe", "../../etc/passwd");
        byte[] pdf = rs.greenvoucher.infra.SamplePdf.of("Faktura ZK-1");
        for (String field : valid.keySet()) {
            for (String value : hostile) {
                java.util.Map<String, String> fields = new java.util.HashMap<>(valid);
                fields.put(field, value);
                HttpApi.Response r = core.upload("/api/provider/vouchers/" + application + "/invoices", provider, fields, "faktura.pdf", pdf);
                assertThat(r.status()).as(field + "=" + value + ": " + r.body()).isBetween(400, 499);
                assertThat(r.contentType()).startsWith("application/problem+json");
                INTERNALS.forEach(internal -> assertThat(r.body()).doesNotContain(internal));
            }
        }
        assertThat(left.getAsLong()).isEqualTo(before);
    }

    private static long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(system.postgres.jdbcUrl(database), system.postgres.username(), system.postgres.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.printf("hostile input: %d generated hostile requests sent; answers by status %s%n", sent.get(), statuses);
    }
}
