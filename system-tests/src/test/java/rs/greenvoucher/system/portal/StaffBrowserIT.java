package rs.greenvoucher.system.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import rs.greenvoucher.api.text.SchemeTexts;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.LoggedExchanges;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.system.SystemAccess;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff's pages in a real browser against the whole system: the evaluators' console, the managers' dashboard and
 * the administration pages, by several people in their own browsers. Every page passes axe and is photographed.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the API tests and the fault suite, which have a system of their own
@ResourceLock("the browsers' system") // one browser test at a time: they page through each other's data
class StaffBrowserIT {

    private final String web = SystemAccess.webUrl();
    private final HttpApi core = SystemAccess.core();

    /** What the pages showed came from answers that kept the services' contract: every call the portal made. */
    @AfterAll
    static void everyCallThePortalMadeKeptTheServicesContract() {
        LoggedExchanges.Checked portal = SystemAccess.portalExchanges();
        assertThat(portal.exchanges()).as("the portal's calls, as it logged them").isPositive();
        assertThat(portal.violations()).as("the portal's calls against the services' OpenAPI").isEmpty();
    }

    // in English, the applicant's part too; PortalBrowserIT's applicant journey is the Serbian one (each long journey once)
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en"})
    void theWholeLifecycleThroughTheBrowserOnly(String lang) {
        boolean sr = lang.equals("sr");
        String manager = SystemAccess.staffToken("milos");
        long completedBefore = report(manager).get("funnel").get("completed").asLong();
        String email = core.signUp(lang);
        core.verify(email);
        String enterprise = "Lifecycle " + lang + " " + UUID.randomUUID().toString().substring(0, 8) + " d.o.o.";
        String id;

        try (Browser applicant = new Browser(web, lang + "-applicant");
             Browser jelena = signedIn("jelena", lang);
             Browser marko = signedIn("marko", lang);
             Browser milos = signedIn("milos", lang)) {
            signIn(applicant, email, HttpApi.APPLICANT_PASSWORD, lang);
            id = submitThroughTheWizard(applicant, sr, TestData.mb(), "22.22", enterprise);

            // Jelena screens: every rule pre-filled from the auto-checks, a note previewed as the applicant will read it
            jelena.go("/console");
            jelena.page("console-queue");
            jelena.type("q", enterprise); // the queue may hold more than a page: find it
            jelena.navigate(jelena.field("q").findElement(By.xpath("./ancestor::form//button")));
            jelena.reloadUntil(enterprise, Duration.ofSeconds(30));
            jelena.page("console-queue-search");
            jelena.navigate(row(jelena, enterprise).findElement(By.tagName("button")));
            assertThat(jelena.text()).contains(sr ? "Preuzeli ste ovu prijavu" : "You have claimed this application");
            // the application as submitted: every value the evaluation service has for it, in the page's language
            assertThat(SubmittedPanel.assertShowsTheApplication(jelena, id, lang).get("enterprise").get("name").asString())
                    .isEqualTo(enterprise);
            assertThat(jelena.driver.findElement(By.id("rule-E6-pass")).isSelected()).isTrue();
            jelena.type("noteToApplicant", sr ? "Sve je u redu." : "All is in order.");
            jelena.waitFor(sr ? "Sve je u redu." : "All is in order."); // the preview, as typed
            jelena.page("console-screening");
            jelena.click(sr ? "Zabeleži pregled" : "Record the screening");
            awaitStage(id, "PROVIDER_MATCHING");
            jelena.reloadUntil(sr ? "Izbor pružalaca" : "Provider matching", Duration.ofSeconds(30));

            // ... and matches the providers the applicant asked for (pre-checked), seeing each one's load
            jelena.click(sr ? "Preuzmi" : "Claim");
            assertThat(jelena.driver.findElement(By.id("p-12")).isSelected()).isTrue();
            jelena.page("console-matching");
            jelena.click(sr ? "Dodeli pružaoce" : "Match the providers");
            awaitStage(id, "COMMITTEE");

            // Jelena screened it: she is told before filling anything that the committee is another evaluator's
            // (four eyes), and is offered neither the claim nor the committee's form
            jelena.go("/console/items/" + id);
            jelena.waitFor(sr ? "Odluka komisije" : "Committee decision");
            assertThat(jelena.driver.findElement(By.id("four-eyes")).getText())
                    .isEqualTo(sr ? "Vi ste pregledali ovu prijavu, zato odluku komisije donosi drugi ocenjivač (pravilo četiri oka). "
                            + "Ovde nemate šta da popunjavate."
                            : "You screened this application, so the committee decision is taken by another evaluator (four eyes). "
                            + "There is nothing for you to fill in here.");
            assertThat(jelena.driver.findElements(By.cssSelector("form[action$='/claim'], form[action$='/decision']"))).isEmpty();
            assertThat(jelena.text()).doesNotContain(sr ? "drugi administrator" : "second administrator");
            SubmittedPanel.assertShowsTheApplication(jelena, id, lang);
            jelena.page("console-committee-four-eyes");

            // Marko (not the screener: four eyes) scores, sees the calculator, and approves
            marko.go("/console/items/" + id);
            marko.waitFor(sr ? "Odluka komisije" : "Committee decision");
            marko.click(sr ? "Preuzmi" : "Claim");
            for (String criterion : new String[]{"resourceEfficiency", "scalability", "innovation"}) {
                marko.driver.findElement(By.cssSelector("label[for='s-" + criterion + "-4']")).click();
            }
            marko.waitFor(sr ? "Ukupno 12 od 15 bodova" : "Total 12 of 15 points");
            assertThat(marko.text()).contains(sr ? "10.800,00" : "10,800.00"); // 90 % of 12,000
            SubmittedPanel.assertShowsTheApplication(marko, id, lang);
            // sent without a decision: refused on its field, and the total still counts the scores still ticked
            marko.click(sr ? "Zabeleži odluku komisije" : "Record the committee's decision");
            assertThat(marko.driver.findElement(By.id("s-innovation-4")).isSelected()).isTrue();
            assertThat(marko.driver.findElement(By.id("calculator")).getText()).contains(sr ? "Ukupno 12 od 15 bodova" : "Total 12 of 15 points")
                    .doesNotContain(sr ? "Do sada" : "so far");
            marko.driver.findElement(By.cssSelector("label[for='decision-approve']")).click();
            marko.page("console-committee");
            marko.click(sr ? "Zabeleži odluku komisije" : "Record the committee's decision");
            assertThat(marko.text()).contains(sr ? "čeka da je sistem primeni" : "waiting to be applied");
            awaitStatus(id, "APPROVED");
            marko.reloadUntil(SchemeTexts.status(ApplicationStatus.APPROVED, lang), Duration.ofSeconds(30));
            marko.page("console-approved");

            // the applicant reports completion in the portal
            applicant.go("/applications/" + id + "/completion");
            applicant.type("summary", sr ? "Prototip je izrađen i ispitan." : "The prototype is built and tested.");
            applicant.type("environmentalResults[0].value", "85");
            applicant.type("deliverables", "Prototype\nTest report");
            applicant.type("invoicedEur", sr ? "12.000" : "12,000");
            applicant.click(sr ? "Pošalji izveštaj" : "Send the report");
            applicant.reloadUntil(SchemeTexts.status(ApplicationStatus.COMPLETION_REPORTED, lang), Duration.ofSeconds(30));
            awaitStage(id, "COMPLETION_VERIFICATION");

            // Jelena (not the approver) compares targets with results and accepts
            jelena.go("/console/items/" + id);
            jelena.click(sr ? "Preuzmi" : "Claim");
            assertThat(jelena.text()).contains("88 %"); // (85 − 120) / (80 − 120) of the planned change
            jelena.driver.findElement(By.cssSelector("label[for='accept-yes']")).click();
            jelena.page("console-verification");
            jelena.click(sr ? "Zabeleži proveru" : "Record the check");
            awaitStatus(id, "COMPLETED");
            jelena.go("/console/decisions");
            assertThat(jelena.text()).contains(enterprise);
            jelena.page("console-my-decisions");

            applicant.go("/applications/" + id);
            applicant.reloadUntil(SchemeTexts.status(ApplicationStatus.COMPLETED, lang), Duration.ofSeconds(30));
            applicant.page("applicant-completed");
            // the applicant downloads everything kept about them
            applicant.go("/profile");
            applicant.page("profile");
            String myData = (String) applicant.script("return fetch(arguments[0]).then(r => r.text())",
                    applicant.driver.findElement(By.cssSelector("a[href='/profile/my-data']")).getDomAttribute("href"));
            assertThat(myData).contains(enterprise).contains("VoucherCompleted").contains("\"notifications\"");

            // Miloš sees the dashboard change, equal to the report, and downloads a block as CSV
            JsonNode report = await().atMost(Duration.ofSeconds(30)).until(() -> report(manager),
                    r -> r.get("funnel").get("completed").asLong() > completedBefore);
            milos.go("/dashboard");
            milos.page("dashboard");
            assertThat(milos.driver.findElement(By.cssSelector("#tile-completed dd")).getText())
                    .isEqualTo(formatCount(report.get("funnel").get("completed").asLong(), sr));
            assertThat(milos.driver.findElement(By.cssSelector("#tile-applications dd")).getText())
                    .isEqualTo(formatCount(report.get("funnel").get("submitted").asLong(), sr));
            assertThat(milos.driver.findElements(By.cssSelector("figure.chart canvas[role='img'][aria-label]"))).hasSizeGreaterThan(3);
            String csvLink = milos.driver.findElement(By.cssSelector("a[href^='/dashboard/csv/funnel']")).getDomAttribute("href");
            String csv = (String) milos.script("return fetch(arguments[0]).then(r => r.text())", csvLink);
            assertThat(csv).contains("step,applications,lost,lostPercent")
                    .contains("completed," + report.get("funnel").get("completed").asLong() + ",");

            // ... reads the application's audit trail (and its CSV), and the application as it stood at a step
            milos.go("/console/items/" + id + "/audit");
            assertThat(milos.text()).contains(sr ? "Pregled uslova završen" : "Eligibility check done", sr ? "Sve je u redu." : "All is in order.");
            milos.page("console-audit");
            String auditCsv = (String) milos.script("return fetch(arguments[0]).then(r => r.text())", "/console/items/" + id + "/audit.csv");
            assertThat(auditCsv).contains("sequence,event,at,by,by_name,why").contains("ApplicationScreened").contains("VoucherCompleted");
            milos.navigate(milos.driver.findElements(By.cssSelector("a[href*='asOf=']")).get(0));
            assertThat(milos.text()).contains(sr ? "Ovako je prijava izgledala" : "This is how the application stood on");
            milos.page("application-as-of");
            milos.go("/applications/" + id + "?asOf=2020-01-01T00:00"); // before it existed: said so, not an error
            assertThat(milos.text()).contains(sr ? "prijava još nije bila podneta" : "the application had not been submitted yet");

            // ... and replays the call with a smaller maximum voucher: the EUR 10,800 voucher would not have been
            JsonNode application = core.get("/api/applications/" + id, manager).json();
            milos.go("/dashboard/what-if?callId=" + application.get("callId").asString());
            milos.type("maxVoucherEur", "10000");
            milos.click(sr ? "Ponovi istoriju sa ovim pravilima" : "Play the history with these rules");
            milos.waitFor(sr ? "ništa nije upisano" : "nothing has been written");
            assertThat(milos.driver.findElement(By.xpath("//h3[contains(., 'S4')]/following-sibling::ul[1]")).getText())
                    .contains(application.get("trackingCode").asString());
            milos.page("dashboard-what-if");
        }
    }

    /** The staff's pages at the two widths staff screens have: nothing clipped, everything in line with the header. */
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {1280, 1920})
    void staffPagesFitTheirScreenWithNothingClipped(int width) {
        String id = awaitingCompletionCheck();
        try (Browser admin = new Browser(web, "admin-" + width, width)) {
            signIn(admin, "admin", SystemAccess.adminPassword(), "sr");
            for (String path : List.of("/console", "/console?stage=COMPLETION_VERIFICATION", "/console/items/" + id,
                    "/console/items/" + id + "/audit", "/console/decisions", "/dashboard", "/admin", "/admin/calls",
                    "/admin/providers", "/admin/accounts", "/admin/operations")) {
                admin.go(path);
                admin.assertFits("fits-" + width + path.replaceAll("[^a-z]+", "-"));
            }
            admin.go("/console/items/" + id);
            assertThat(admin.text()).contains("Provera izveštaja o završetku"); // the completion check's own table was the one clipped
            admin.page("console-verification-" + width);
        }
    }

    /** An application through screening, matching and the committee by API, its completion reported: waiting for its check. */
    private String awaitingCompletionCheck() {
        String email = core.signUp("sr");
        core.verify(email);
        String id = submitByApi(email, TestData.application(TestData.mb()), "Širina " + UUID.randomUUID().toString().substring(0, 8));
        String jelena = SystemAccess.staffToken("jelena");
        String marko = SystemAccess.staffToken("marko");
        decideByApi(jelena, id, "/screening", "{\"outcome\":\"PASS\",\"checks\":[]}");
        awaitStage(id, "PROVIDER_MATCHING");
        decideByApi(jelena, id, "/provider-match", "{\"providerCodes\":[\"12\"],\"note\":\"\"}");
        awaitStage(id, "COMMITTEE");
        decideByApi(marko, id, "/decision", """
                {"decision":"APPROVE","voucherAmountEur":10800,"scores":{"resourceEfficiency":4,"scalability":4,"innovation":4},"reason":"Dobro."}""");
        awaitStatus(id, "APPROVED");
        Response report = core.post("/api/applications/" + id + "/completion-report", core.token(email, HttpApi.APPLICANT_PASSWORD), """
                {"summary":"Gotovo.","deliverables":["Prototip"],"invoicedEur":12000,
                 "environmentalResults":[{"indicator":"WASTE_REDUCED","unit":"t/year","value":85}]}""");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        awaitStage(id, "COMPLETION_VERIFICATION");
        return id;
    }

    private static void decideByApi(String token, String id, String action, String body) {
        Response claim = SystemAccess.evaluation().post("/api/work-items/" + id + "/claim", token, "");
        assertThat(claim.status()).as(claim.body()).isEqualTo(200);
        Response r = SystemAccess.evaluation().post("/api/applications/" + id + action, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
    }

    @Test
    void aWineryIsRejectedAtScreeningFromItsFailedE6CheckAndTheApplicantReadsWhy() {
        String email = core.signUp("sr");
        core.verify(email);
        String enterprise = "Vinarija " + UUID.randomUUID().toString().substring(0, 8);
        String id = submitWithADocument(email, TestData.application(TestData.mb(), "11.02", "[\"12\"]", "10800"), enterprise);
        try (Browser jelena = signedIn("jelena", "sr"); Browser applicant = new Browser(web, "winery-applicant")) {
            jelena.go("/console/items/" + id);
            jelena.waitFor(enterprise);
            // the documents beside the panel: the file opens in the browser's own PDF viewer, in a new tab
            WebElement file = jelena.driver.findElement(By.linkText("Izvod APR vinarije.pdf"));
            assertThat(jelena.driver.findElement(By.cssSelector(".documents-table")).getText())
                    .contains("Izvod iz registra privrednih subjekata (APR)").contains("kB");
            String console = jelena.driver.getWindowHandle();
            file.click();
            await().atMost(Duration.ofSeconds(15)).until(() -> jelena.driver.getWindowHandles().size() == 2);
            jelena.driver.switchTo().window(jelena.driver.getWindowHandles().stream().filter(h -> !h.equals(console))
                    .findFirst().orElseThrow());
            await().atMost(Duration.ofSeconds(15)).until(() -> "application/pdf".equals(jelena.script("return document.contentType")));
            assertThat(jelena.driver.getCurrentUrl()).contains("/applications/" + id + "/documents/");
            jelena.driver.close();
            jelena.driver.switchTo().window(console);
            jelena.click("Preuzmi");
            assertThat(jelena.driver.findElement(By.id("rule-E6-fail")).isSelected()).isTrue(); // from the auto-check
            jelena.type("noteToApplicant", "Proizvodnja vina je isključena iz programa.");
            jelena.waitFor("Proizvodnja vina je isključena");
            assertThat(jelena.driver.findElement(By.id("preview")).getText())
                    .contains(SchemeTexts.status(ApplicationStatus.REJECTED, "sr")).contains("(E6)");
            jelena.page("console-winery");
            jelena.click("Zabeleži pregled");
            awaitStatus(id, "REJECTED");

            signIn(applicant, email, HttpApi.APPLICANT_PASSWORD, "sr");
            applicant.go("/console"); // not an applicant's page: said plainly, nothing of the queue shown
            assertThat(applicant.text()).contains("Za ovo nemate ovlašćenje.").doesNotContain(enterprise);
            applicant.go("/applications/" + id);
            applicant.reloadUntil(SchemeTexts.status(ApplicationStatus.REJECTED, "sr"), Duration.ofSeconds(30));
            assertThat(applicant.text()).contains(SchemeTexts.rule(RuleCode.E6, "sr").substring(1)).contains("(E6)")
                    .contains("Proizvodnja vina je isključena iz programa.");
            applicant.page("winery-rejected");
        }
    }

    /**
     * D3 instead of a rejection: the evaluator asks for the financial statements and the number of employees; the
     * applicant reads the request, attaches the statements, corrects the figure and replies; the application is back
     * with the evaluator, who reads the reply and passes the screening. Every new page passes axe.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"sr", "en"})
    void anEvaluatorAsksForTheStatementsTheApplicantSendsThemAndTheScreeningPasses(String lang) throws Exception {
        boolean sr = lang.equals("sr");
        String email = core.signUp(lang);
        core.verify(email);
        String enterprise = "Dopune " + lang + " " + UUID.randomUUID().toString().substring(0, 8) + " d.o.o.";
        String id = submitByApi(email, TestData.application(TestData.mb()), enterprise);
        String asked = sr ? "Pošaljite finansijske izveštaje za 2024. i 2025. i potvrdite broj zaposlenih."
                : "Please send the financial statements for 2024 and 2025 and confirm the number of employees.";
        String answer = sr ? "Priložili smo oba izveštaja; sada imamo 45 zaposlenih." : "Both statements attached; we are 45 now.";
        try (Browser jelena = signedIn("jelena", lang); Browser applicant = new Browser(web, lang + "-replying-applicant")) {
            jelena.go("/console/items/" + id);
            jelena.waitFor(enterprise);
            jelena.click(sr ? "Preuzmi" : "Claim");
            jelena.type("infoMessage", asked);
            jelena.driver.findElement(By.id("ask-FINANCIAL_STATEMENTS")).click();
            jelena.driver.findElement(By.id("askf-EMPLOYEES")).click();
            jelena.page("console-ask-" + lang);
            jelena.click(sr ? "Zatraži dopune" : "Ask for more information");
            jelena.reloadUntil(sr ? "Čeka dopune podnosioca do" : "Waiting for the applicant's reply until", Duration.ofSeconds(30));
            assertThat(jelena.driver.findElement(By.id("exchanges-title")).findElement(By.xpath("..")).getText())
                    .contains(asked).contains(sr ? "Čeka se odgovor." : "Waiting for the reply.");
            assertThat(jelena.text()).doesNotContain(sr ? "Zabeleži pregled" : "Record the screening");
            jelena.page("console-waiting-" + lang);
            jelena.go("/console?stage=SCREENING");
            assertThat(jelena.driver.findElement(By.id("waiting-list")).getText()).contains(enterprise);
            assertThat(jelena.driver.findElement(By.id("rows")).getText()).doesNotContain(enterprise);
            jelena.page("console-queue-waiting-" + lang);

            signIn(applicant, email, HttpApi.APPLICANT_PASSWORD, lang);
            applicant.go("/applications/" + id);
            applicant.reloadUntil(SchemeTexts.status(ApplicationStatus.INFORMATION_REQUESTED, lang), Duration.ofSeconds(30));
            assertThat(applicant.text()).contains(asked)
                    .contains(sr ? "Finansijski izveštaji za poslednje dve godine" : "Financial statements for the last two years")
                    .contains(sr ? "Ispravite broj zaposlenih" : "Correct the number of employees");
            applicant.page("application-waiting-" + lang);
            applicant.click(sr ? "Odgovorite ocenjivaču" : "Reply to the evaluator");
            assertThat(applicant.value("EMPLOYEES")).isEqualTo("42");
            java.nio.file.Path statements = java.nio.file.Files.createTempFile("bilans-2024-2025-", ".pdf");
            java.nio.file.Files.write(statements, rs.greenvoucher.infra.SamplePdf.of("Bilans stanja 2024", "Bilans stanja 2025", enterprise));
            applicant.driver.findElement(By.id("file-FINANCIAL_STATEMENTS")).sendKeys(statements.toString());
            applicant.navigate(applicant.driver.findElement(By.xpath("//form[.//input[@id='file-FINANCIAL_STATEMENTS']]//button")));
            assertThat(applicant.text()).contains((sr ? "Priloženo: " : "Attached: ") + statements.getFileName());
            applicant.page("reply-" + lang);
            applicant.type("EMPLOYEES", "45");
            applicant.type("message", answer);
            applicant.click(sr ? "Pošalji dopune" : "Send my reply");
            assertThat(applicant.text()).contains(sr ? "Dopune su poslate" : "Your reply was sent");
            // "submitted" is on the timeline already: wait for the reply itself, then read the status it brought
            applicant.reloadUntil(answer, Duration.ofSeconds(30));
            assertThat(applicant.driver.findElement(By.cssSelector("main .status")).getText())
                    .isEqualTo(SchemeTexts.status(ApplicationStatus.SUBMITTED, lang));

            jelena.go("/console/items/" + id);
            jelena.reloadUntil(answer, Duration.ofSeconds(30));
            String exchanges = jelena.driver.findElement(By.id("exchanges-title")).findElement(By.xpath("..")).getText();
            assertThat(exchanges).contains(asked).contains(answer).contains(sr ? "Ispravljeno: broj zaposlenih" : "Corrected: the number of employees");
            assertThat(jelena.text()).contains(sr ? "Vaša je od" : "Yours since").contains(statements.getFileName().toString());
            jelena.page("console-replied-" + lang);
            jelena.click(sr ? "Zabeleži pregled" : "Record the screening");
            awaitStatus(id, "SCREENED");
        }
    }

    /**
     * A new R&D organisation in the portal (issue 28): its person signs up as a provider, confirms the address, applies
     * for pre-qualification and reads that it waits; the ADMIN finds it among the applications and approves it; the
     * person reads that the organisation is on the list under its new code, and the public list has it.
     */
    @Test
    void aNewProviderIsPreQualifiedByTheAdminAndThenReadsItsCode() throws Exception {
        String email = "provider-" + UUID.randomUUID() + "@example.rs";
        String name = "Laboratorija Zelena Mera " + UUID.randomUUID().toString().substring(0, 6) + " d.o.o.";
        try (Browser person = new Browser(web, "provider-person"); Browser admin = signedIn("admin", "sr")) {
            person.go("/sign-up");
            person.click("Otvorite nalog pružaoca usluga");
            assertThat(person.h1()).isEqualTo("Otvaranje naloga pružaoca usluga");
            person.type("fullName", "Jelena Marković");
            person.type("email", email);
            person.type("password", HttpApi.APPLICANT_PASSWORD);
            person.click("Otvori nalog");
            assertThat(person.path()).startsWith("/provider");
            assertThat(person.text()).contains("Potvrdite adresu e-pošte preko veze koju smo poslali");
            person.page("provider-welcome");
            person.go("/confirm-email?token=" + rs.greenvoucher.infra.AccountMailbox.get().verificationSecret(email, Duration.ofSeconds(30)));
            person.go("/provider");
            person.type("name", name);
            person.type("mb", TestData.mb());
            person.type("pib", TestData.pib());
            person.type("city", "Kragujevac");
            person.choose("kind", "COMPANY");
            person.type("expertise", "Merenje emisija i LCA analize za metaloprerađivački klaster Šumadije.");
            person.type("references", "Projekat SMART-MET 2024\nAkreditacija ATS 01-456");
            person.click("Pošalji prijavu");
            assertThat(person.text()).contains("Prijava za pretkvalifikaciju je primljena").contains("Čeka odluku").contains(name);
            person.page("provider-applied");
            java.nio.file.Path extract = java.nio.file.Files.createTempFile("izvod-apr-", ".pdf");
            java.nio.file.Files.write(extract, rs.greenvoucher.infra.SamplePdf.of("Izvod iz registra", name));
            person.driver.findElement(By.id("pd-file")).sendKeys(extract.toString());
            person.click("Priloži");
            assertThat(person.text()).contains(extract.getFileName().toString()).contains("Izvod iz registra privrednih subjekata");

            admin.go("/admin");
            assertThat(admin.text()).contains("Pretkvalifikacija pružalaca");
            admin.click("Pretkvalifikacija pružalaca");
            admin.click(name);
            assertThat(admin.text()).contains("Kragujevac").contains("Akreditacija ATS 01-456").contains("Preduzeće")
                    .contains(extract.getFileName().toString());
            admin.page("admin-prequalification");
            admin.type("note", "Reference proverene.");
            admin.click("Stavi na listu");
            assertThat(admin.text()).contains("Organizacija je na listi pod šifrom");
            String code = admin.driver.findElement(By.cssSelector("p.notice.good")).getText().replaceAll("\\D+", "");

            person.reloadUntil("Vaša organizacija je na listi pružalaca pod šifrom " + code, Duration.ofSeconds(30));
            assertThat(person.text()).contains(name).contains("Još nijedan vaučer ne navodi vašu organizaciju");
            person.page("provider-listed");
            assertThat(core.get("/api/providers", null).json().findValuesAsString("name")).contains(name);

            // an enterprise chooses it; screened, matched and approved by API (EUR 10,800 of a EUR 12,000 service)
            String applicantEmail = core.signUp("sr");
            core.verify(applicantEmail);
            String enterprise = "Plaćanje " + UUID.randomUUID().toString().substring(0, 8) + " d.o.o.";
            String id = submitByApi(applicantEmail, TestData.application(TestData.mb(), "22.22", "[\"" + code + "\"]", "10800"), enterprise);
            String jelena = SystemAccess.staffToken("jelena");
            decideByApi(jelena, id, "/screening", "{\"outcome\":\"PASS\",\"checks\":[]}");
            awaitStage(id, "PROVIDER_MATCHING");
            decideByApi(jelena, id, "/provider-match", "{\"providerCodes\":[\"" + code + "\"],\"note\":\"\"}");
            awaitStage(id, "COMMITTEE");
            decideByApi(SystemAccess.staffToken("marko"), id, "/decision", """
                    {"decision":"APPROVE","voucherAmountEur":10800,"scores":{"resourceEfficiency":4,"scalability":4,"innovation":4},"reason":"Dobro."}""");
            awaitStatus(id, "APPROVED");
            String tracking = core.get("/api/applications/" + id, jelena).json().get("trackingCode").asString();

            // the provider invoices the service with its PDF; over the agreed cost first: refused, and says why (I2)
            person.reloadUntil(tracking, Duration.ofSeconds(30));
            java.nio.file.Path invoicePdf = java.nio.file.Files.createTempFile("faktura-", ".pdf");
            java.nio.file.Files.write(invoicePdf, rs.greenvoucher.infra.SamplePdf.of("Faktura ZM-2026/1", "12.000,00 EUR"));
            person.type("number", "ZM-2026/1");
            person.script("arguments[0].value = arguments[1]", person.driver.findElement(By.cssSelector("#invoice-" + tracking + " [name='issuedOn']")),
                    java.time.LocalDate.now().toString());
            person.type("amountEur", "12.000,01");
            person.driver.findElement(By.cssSelector("#invoice-" + tracking + " [name='file']")).sendKeys(invoicePdf.toString());
            person.click("Podnesi fakturu");
            assertThat(person.driver.findElement(By.cssSelector("#invoice-" + tracking + " .error-summary")).getText())
                    .contains("ukupno ne prelaze njenu ugovorenu cenu").contains("(I2)");
            person.page("provider-invoice-refused");
            person.type("number", "ZM-2026/1");
            person.script("arguments[0].value = arguments[1]", person.driver.findElement(By.cssSelector("#invoice-" + tracking + " [name='issuedOn']")),
                    java.time.LocalDate.now().toString());
            person.type("amountEur", "12.000,00");
            person.driver.findElement(By.cssSelector("#invoice-" + tracking + " [name='file']")).sendKeys(invoicePdf.toString());
            person.click("Podnesi fakturu");
            assertThat(person.text()).contains("Vaša faktura je primljena");
            WebElement invoiceRow = person.driver.findElement(By.cssSelector("tr[data-invoice='ZM-2026/1']"));
            assertThat(invoiceRow.getText()).contains("12.000,00").contains("Čeka vašu potvrdu isporuke");
            person.page("provider-invoiced");

            // the enterprise confirms the delivery on its application's page
            try (Browser applicant = new Browser(web, "payment-applicant")) {
                signIn(applicant, applicantEmail, HttpApi.APPLICANT_PASSWORD, "sr");
                applicant.go("/applications/" + id);
                assertThat(applicant.driver.findElement(By.cssSelector("#money tr[data-service='0']")).getText())
                        .contains("12.000,00").contains(code);
                applicant.click("Potvrdi isporuku");
                assertThat(applicant.text()).contains("Isporuka je potvrđena");
                assertThat(applicant.driver.findElement(By.cssSelector("#money tr[data-invoice='ZM-2026/1']")).getText())
                        .contains("Isporuka potvrđena, čeka nalog za plaćanje");
                applicant.page("applicant-invoice-confirmed");
            }
            Response reported = core.post("/api/applications/" + id + "/completion-report", core.token(applicantEmail, HttpApi.APPLICANT_PASSWORD), """
                    {"summary":"Gotovo.","deliverables":["Prototip"],"invoicedEur":12000,
                     "environmentalResults":[{"indicator":"WASTE_REDUCED","unit":"t/year","value":85}]}""");
            assertThat(reported.status()).as(reported.body()).isEqualTo(200);
            awaitStage(id, "COMPLETION_VERIFICATION");
            decideByApi(jelena, id, "/completion-verification", "{\"accepted\":true,\"note\":\"Računi su uredni.\"}");
            awaitStatus(id, "COMPLETED");

            // Miloš proposes the payment; he cannot approve his own; Vesna, another manager, approves; Miloš records the bank's
            String second = "vesna-" + UUID.randomUUID().toString().substring(0, 6);
            assertThat(core.post("/api/accounts/staff", SystemAccess.adminToken(), """
                    {"username":"%s","password":"%s","fullName":"Vesna Đorđević","role":"MANAGER"}"""
                    .formatted(second, SystemAccess.staffPassword())).status()).isEqualTo(201);
            try (Browser milos = signedIn("milos", "sr"); Browser vesna = new Browser(web, "payments-vesna")) {
                milos.go("/dashboard/payments");
                milos.reloadUntil(tracking, Duration.ofSeconds(30));
                milos.page("payments-due");
                milos.navigate(milos.driver.findElement(By.cssSelector("tr[data-due='" + tracking + "/" + code + "'] button")));
                assertThat(milos.text()).contains("Nalog za plaćanje je predložen");
                WebElement order = milos.driver.findElement(By.cssSelector("div[data-order='" + tracking + "/" + code + "']"));
                assertThat(order.getText()).contains("10.800,00").contains("90 %").contains("12.000,00")
                        .contains("Vi ste predložili ovaj nalog");
                assertThat(order.findElements(By.xpath(".//button[normalize-space()='Odobri']"))).isEmpty();
                milos.page("payments-proposed");

                signIn(vesna, second, SystemAccess.staffPassword(), "sr");
                vesna.go("/dashboard/payments");
                vesna.navigate(vesna.driver.findElement(By.cssSelector("div[data-order='" + tracking + "/" + code + "']"))
                        .findElement(By.xpath(".//button[normalize-space()='Odobri']")));
                assertThat(vesna.text()).contains("Nalog za plaćanje je odobren");
                vesna.page("payments-approved");

                milos.go("/dashboard/payments");
                WebElement approvedOrder = milos.driver.findElement(By.cssSelector("div[data-order='" + tracking + "/" + code + "']"));
                approvedOrder.findElement(By.name("bankReference")).sendKeys("RS35-2026-0042");
                milos.navigate(approvedOrder.findElement(By.xpath(".//button[normalize-space()='Upiši da je plaćeno']")));
                assertThat(milos.text()).contains("Plaćanje je upisano");
            }

            // the provider reads "paid", the amount and the bank's reference
            person.go("/provider");
            assertThat(person.driver.findElement(By.cssSelector("tr[data-invoice='ZM-2026/1']")).getText()).contains("Plaćeno");
            assertThat(person.driver.findElement(By.cssSelector("tr[data-payment='PAID']")).getText())
                    .contains("10.800,00").contains("Plaćeno").contains("RS35-2026-0042");
            person.page("provider-paid");
        }
    }

    @Test
    void twoEvaluatorsClaimTheSameItemAtOnceOneGetsItTheOtherSeesWho() throws Exception {
        String email = core.signUp("sr");
        core.verify(email);
        String enterprise = "Klik " + UUID.randomUUID().toString().substring(0, 8);
        submitByApi(email, TestData.application(TestData.mb()), enterprise);
        try (Browser jelena = signedIn("jelena", "sr"); Browser marko = signedIn("marko", "sr")) {
            List<Browser> both = List.of(jelena, marko);
            List<WebElement> buttons = new ArrayList<>();
            for (Browser b : both) {
                b.go("/console?filter=unclaimed&q=" + java.net.URLEncoder.encode(enterprise, java.nio.charset.StandardCharsets.UTF_8));
                b.reloadUntil(enterprise, Duration.ofSeconds(30));
                buttons.add(row(b, enterprise).findElement(By.tagName("button")));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Browser b = both.get(i);
                WebElement button = buttons.get(i);
                clicks.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    b.navigate(button);
                }));
            }
            start.countDown();
            CompletableFuture.allOf(clicks.toArray(CompletableFuture[]::new)).get();

            List<Browser> winners = both.stream().filter(b -> b.text().contains("Preuzeli ste ovu prijavu")).toList();
            assertThat(winners).hasSize(1);
            Browser loser = winners.get(0) == jelena ? marko : jelena;
            String winnerName = winners.get(0) == jelena ? "Jelena Đorđević" : "Marko Ilić";
            assertThat(loser.path()).contains("conflict=");
            assertThat(loser.driver.findElement(By.id("claim-conflict")).getText())
                    .contains("Ovu prijavu je već preuzeo/la " + winnerName);
            loser.page("console-claim-conflict");
        }
    }

    @Test
    void anEvaluatorScreensWithTheKeyboardOnly() {
        String email = core.signUp("sr");
        core.verify(email);
        String enterprise = "Tastatura " + UUID.randomUUID().toString().substring(0, 8);
        String id = submitByApi(email, TestData.application(TestData.mb()), enterprise);
        try (Browser b = new Browser(web, "keyboard-evaluator")) {
            b.go("/sign-in");
            b.tabTo("username");
            b.focused().sendKeys("marko", Keys.TAB, SystemAccess.staffPassword(), Keys.ENTER);
            b.waitForPath("/console");
            b.tabTo("q");
            b.focused().sendKeys(enterprise, Keys.ENTER);
            b.reloadUntil(enterprise, Duration.ofSeconds(30));
            b.tabTo(enterprise);
            b.focused().sendKeys(Keys.ENTER);
            b.waitForPath("/console/items/" + id);
            b.tabTo("Preuzmi");
            b.focused().sendKeys(Keys.ENTER);
            b.waitFor("Preuzeli ste ovu prijavu");
            b.tabTo("Zabeleži pregled");
            b.focused().sendKeys(Keys.ENTER);
            b.waitFor("Odluka je zabeležena");
            b.page("keyboard-screening");
            awaitStage(id, "PROVIDER_MATCHING");
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"sr", "en"})
    void theAdministrationPages(String lang) {
        boolean sr = lang.equals("sr");
        try (Browser admin = signedIn("admin", lang)) {
            admin.page("admin");
            admin.go("/admin/calls");
            admin.page("admin-calls");
            admin.go("/admin/accounts");
            String username = "ocenjivac-" + UUID.randomUUID().toString().substring(0, 8);
            admin.type("fullName", "Nevena Stojanović");
            admin.type("username", username);
            admin.type("password", "kratka");
            admin.driver.findElement(By.cssSelector("label[for='st-role-EVALUATOR']")).click();
            admin.click(sr ? "Otvori nalog" : "Open the account");
            assertThat(admin.driver.findElement(By.cssSelector(".error-summary")).getText()).contains(sr ? "Lozinka" : "Password");
            assertThat(admin.value("username")).isEqualTo(username); // kept, the password not
            admin.page("admin-accounts-refused");
            admin.type("password", "dovoljno-duga-lozinka");
            admin.click(sr ? "Otvori nalog" : "Open the account");
            admin.waitFor(sr ? "Nalog je otvoren" : "The account is open");
            assertThat(admin.text()).contains(username);
            admin.page("admin-accounts");
            assertThat(core.token(username, "dovoljno-duga-lozinka")).isNotBlank();

            admin.go("/admin/providers");
            admin.type("name", "Laboratorija " + lang + " " + UUID.randomUUID().toString().substring(0, 6));
            admin.choose("kind", "COMPANY");
            admin.type("city", "Kragujevac");
            admin.type("mb", TestData.mb());
            admin.click(sr ? "Dodaj na listu" : "Add to the list");
            admin.waitFor(sr ? "Pružalac je dodat" : "The provider is on the list");
            admin.page("admin-providers");
            List<WebElement> links = admin.driver.findElements(By.cssSelector("#provider-list a"));
            admin.navigate(links.get(links.size() - 1));
            admin.type("reason", sr ? "Istekla akreditacija" : "Accreditation expired");
            admin.click(sr ? "Ukloni sa aktivne liste" : "Take off the active list");
            admin.click(sr ? "Vrati na aktivnu listu" : "Put back on the active list");
            assertThat(admin.text()).contains(sr ? "Dodat na listu" : "Added to the list")
                    .contains(sr ? "Uklonjen sa aktivne liste" : "Taken off the active list")
                    .contains(sr ? "Istekla akreditacija" : "Accreditation expired")
                    .contains(sr ? "Vraćen na aktivnu listu" : "Put back on the active list");
            admin.page("admin-provider-history");

            // an applicant asks to be forgotten: refused while the application is under way, done once it is withdrawn
            String email = core.signUp(lang);
            core.verify(email);
            String applicantToken = core.token(email, HttpApi.APPLICANT_PASSWORD);
            String accountId = core.get("/api/accounts/me", applicantToken).json().get("id").asString();
            String applicationId = core.post("/api/applications", applicantToken, TestData.application(TestData.mb())).json()
                    .get("id").asString();
            admin.go("/admin/accounts/" + accountId + "/erasure");
            assertThat(admin.text()).contains(email);
            admin.type("reason", sr ? "Zahtev 17/2026" : "Request 17/2026");
            admin.click(sr ? "Izbriši zauvek" : "Erase for good");
            assertThat(admin.driver.findElement(By.cssSelector(".error-summary")).getText())
                    .contains(sr ? "Još ne: prijava ovog podnosioca je u toku" : "Not yet: an application of this applicant is still under way");
            admin.page("admin-erasure-refused");
            assertThat(core.post("/api/applications/" + applicationId + "/withdraw", applicantToken, "{}").status()).isEqualTo(200);
            admin.click(sr ? "Izbriši zauvek" : "Erase for good"); // the reason was kept
            admin.waitFor(sr ? "Lični podaci podnosioca su izbrisani" : "The applicant's personal data is erased");
            admin.page("admin-erasure-done");
            await().atMost(Duration.ofSeconds(30)).until(() -> core.get("/api/applications/" + applicationId, SystemAccess.adminToken())
                    .json().get("enterprise").get("name").asString().equals(rs.greenvoucher.api.privacy.SealedText.ERASED));

            // a screening rejection found wrong: proposed on the audit page, confirmed there by a second administrator
            String evaluator = SystemAccess.evaluatorToken("jelena");
            String winery = core.post("/api/applications", core.newApplicant(lang), TestData.application(TestData.mb(), "11.02",
                    "[\"12\"]", "10800")).json().get("id").asString();
            awaitStage(winery, "SCREENING");
            assertThat(SystemAccess.evaluation().post("/api/work-items/" + winery + "/claim", evaluator, "").status()).isEqualTo(200);
            assertThat(SystemAccess.evaluation().post("/api/applications/" + winery + "/screening", evaluator,
                    "{\"outcome\":\"FAIL\",\"checks\":[{\"rule\":\"E6\",\"passed\":false,\"note\":\"\"}]}").status()).isEqualTo(202);
            awaitStatus(winery, "REJECTED");
            admin.go("/console/items/" + winery + "/audit");
            admin.driver.findElement(By.cssSelector("label[for='corr-SCREENING']")).click();
            admin.type("reason", sr ? "Delatnost je 22.22." : "The activity is 22.22.");
            admin.click(sr ? "Predloži ispravku" : "Propose the correction");
            admin.waitFor(sr ? "Ispravka je predložena" : "The correction is proposed");
            assertThat(admin.text()).contains(sr ? "Vi ste predložili ispravku" : "You proposed it");
            admin.page("admin-correction-proposed");
            String second = "admin-" + lang + "-" + UUID.randomUUID().toString().substring(0, 6);
            assertThat(core.post("/api/accounts/staff", SystemAccess.adminToken(), """
                    {"username":"%s","password":"%s","fullName":"Vesna Marković","role":"ADMIN"}"""
                    .formatted(second, SystemAccess.staffPassword())).status()).isEqualTo(201);
            try (Browser vesna = signedIn(second, lang)) {
                vesna.go("/console/items/" + winery + "/audit");
                vesna.click(sr ? "Potvrdi ispravku" : "Confirm the correction");
                vesna.waitFor(sr ? "Ispravka je potvrđena" : "The correction is confirmed");
                assertThat(vesna.text()).contains(sr ? "Odluka ispravljena" : "Decision corrected");
                vesna.page("admin-correction-confirmed");
            }
            awaitStatus(winery, "SCREENED");

            admin.go("/admin/operations");
            admin.page("admin-operations");
            admin.go("/dashboard");
            admin.page("admin-dashboard");
            admin.go("/console?stage=COMMITTEE");
            admin.page("admin-console");
        }
    }

    // ---- helpers

    private Browser signedIn(String username, String lang) {
        Browser b = new Browser(web, lang + "-" + username);
        signIn(b, username, username.equals("admin") ? SystemAccess.adminPassword() : SystemAccess.staffPassword(), lang);
        return b;
    }

    private static void signIn(Browser b, String username, String password, String lang) {
        b.go("/sign-in");
        if (lang.equals("en")) {
            b.click("English");
        }
        b.type("username", username);
        b.type("password", password);
        b.navigate(b.driver.findElement(By.cssSelector("main form button[type='submit']")));
        assertThat(b.path()).doesNotStartWith("/sign-in");
        // signing in switches to the account's language; the test's language wins (and is kept in the account)
        if (!b.driver.findElement(By.tagName("html")).getDomAttribute("lang").startsWith(lang.equals("en") ? "en" : "sr")) {
            b.navigate(b.driver.findElement(By.cssSelector(".language button[value='" + lang + "']")));
        }
    }

    private static WebElement row(Browser b, String enterprise) {
        return b.driver.findElement(By.xpath("//tr[.//a[normalize-space()=" + Browser.xpathLiteral(enterprise) + "]]"));
    }

    /** The wizard's six steps with valid answers, then the submission; answers the application's id. */
    private static String submitThroughTheWizard(Browser b, boolean sr, String mb, String nace, String name) {
        b.go("/applications");
        b.click(sr ? "Započni novu prijavu" : "Start a new application");
        b.type("enterprise.mb", mb);
        b.type("enterprise.pib", TestData.pib());
        b.type("enterprise.name", name);
        b.type("enterprise.address", "Jovana Nenada 15, 24000 Subotica");
        b.choose("enterprise.region", "VOJVODINA");
        b.type("enterprise.naceCode", nace);
        b.script("arguments[0].value = '2015-03-01'", b.field("enterprise.registeredOn"));
        b.choose("enterprise.ownership", "PRIVATE_DOMESTIC");
        b.type("enterprise.employees", "42");
        b.type("enterprise.annualTurnoverEur", "3100000");
        b.type("enterprise.totalAssetsEur", "2500000");
        b.choose("enterprise.greenRole", "END_USER");
        b.type("enterprise.contactName", "Ana Đorđević-Čukić");
        b.type("enterprise.contactEmail", "ana@example.rs");
        b.press("action", "next");
        b.type("project.title", "Recycled PET packaging line");
        b.type("project.description", "Prototip linije za PET ambalažu.");
        b.script("arguments[0].value = '" + java.time.LocalDate.now().plusMonths(3) + "'", b.field("project.plannedStart"));
        b.press("action", "next");
        b.choose("project.services[0].type", "PROTOTYPING");
        b.type("project.services[0].description", "Prototype of the extrusion head");
        b.type("project.services[0].costEur", "12000");
        b.type("project.requestedVoucherEur", "10800");
        b.press("action", "next");
        b.choose("providerCodes[0]", "12");
        b.choose("providerCodes[1]", "23");
        b.press("action", "next");
        b.choose("project.environmentalIndicators[0].indicator", "WASTE_REDUCED");
        b.type("project.environmentalIndicators[0].unit", "t/year");
        b.type("project.environmentalIndicators[0].baseline", "120");
        b.type("project.environmentalIndicators[0].target", "80");
        b.press("action", "next");
        for (String d : new String[]{"noAffiliation", "noLegalProceedings", "serviceNotStarted", "canCoFinance"}) {
            b.field("declarations." + d).click();
        }
        b.press("action", "next");
        assertThat(b.text()).contains(sr ? "Prijava ispunjava sva pravila" : "The application meets every rule");
        b.navigate(b.driver.findElement(By.xpath("//form[contains(@action,'/submit')]//button")));
        assertThat(b.path()).matches("/applications/[0-9a-f-]{36}/receipt");
        return b.path().split("/")[2];
    }

    /** Submitted from a draft with the register extract attached, as the portal's check page does it. */
    private String submitWithADocument(String email, String application, String enterprise) {
        String token = core.token(email, HttpApi.APPLICANT_PASSWORD);
        String draft = core.post("/api/drafts", token, "{\"form\":{},\"step\":7}").json().get("id").asString();
        assertThat(core.upload("/api/drafts/" + draft + "/documents", token, java.util.Map.of("kind", "REGISTER_EXTRACT"),
                "Izvod APR vinarije.pdf", rs.greenvoucher.infra.SamplePdf.of("Izvod iz registra", enterprise)).status()).isEqualTo(201);
        Response r = core.post("/api/applications?draftId=" + draft, token,
                application.replace("Eko Plast d.o.o. — Ćirilica: Еко Пласт", enterprise));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        awaitStage(draft, "SCREENING");
        return draft;
    }

    private String submitByApi(String email, String application, String enterprise) {
        Response r = core.post("/api/applications", core.token(email, HttpApi.APPLICANT_PASSWORD),
                application.replace("Eko Plast d.o.o. — Ćirilica: Еко Пласт", enterprise));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        awaitStage(id, "SCREENING");
        return id;
    }

    private static void awaitStage(String id, String stage) {
        String token = SystemAccess.staffToken("milos");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = SystemAccess.evaluation().get("/api/work-items/" + id, token);
            return r.status() == 200 && stage.equals(r.json().get("item").path("stage").asString(""))
                    && r.json().get("item").path("pendingDecision").isNull();
        });
    }

    private void awaitStatus(String id, String status) {
        String token = SystemAccess.adminToken();
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(core.get("/api/applications/" + id, token).json()
                .path("status").asString("")));
    }

    private JsonNode report(String manager) {
        return core.get("/api/reports/throughput", manager).json();
    }

    private static String formatCount(long n, boolean sr) {
        return java.text.NumberFormat.getNumberInstance(sr ? java.util.Locale.forLanguageTag("sr-Latn-RS") : java.util.Locale.ENGLISH)
                .format(n);
    }
}
