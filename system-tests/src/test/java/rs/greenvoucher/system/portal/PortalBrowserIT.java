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
import rs.greenvoucher.infra.AccountMailbox;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.LoggedExchanges;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.system.ProcessLogs;
import rs.greenvoucher.system.SystemAccess;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The applicants' portal in a real browser (Debian's Chromium), against the whole system: the three services,
 * PostgreSQL and Kafka. Every page is checked with axe on the way (no WCAG 2.x A/AA violation) and photographed.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the API tests and the fault suite, which have a system of their own
@ResourceLock("the browsers' system") // one browser test at a time: they page through each other's data
class PortalBrowserIT {

    private static final String PASSWORD = "zeleni vaučer za pet godina";
    private static final String NAME = "Eko Plast d.o.o. — Ćirilica: Еко Пласт";

    private final String web = SystemAccess.webUrl();
    private final HttpApi core = SystemAccess.core();
    private final HttpApi evaluation = SystemAccess.evaluation();

    /** What the pages showed came from answers that kept the services' contract: every call the portal made. */
    @AfterAll
    static void everyCallThePortalMadeKeptTheServicesContract() {
        LoggedExchanges.Checked portal = SystemAccess.portalExchanges();
        assertThat(portal.exchanges()).as("the portal's calls, as it logged them").isPositive();
        assertThat(portal.violations()).as("the portal's calls against the services' OpenAPI").isEmpty();
    }

    // in Serbian; the applicant's part in English is walked by StaffBrowserIT's lifecycle, which runs in English: each
    // long journey once (both in both languages were 2.5 minutes of a suite that runs the production topology too)
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"sr"})
    void anApplicantsWholeJourney(String lang) throws java.io.IOException {
        boolean sr = lang.equals("sr");
        String email = "portal-" + UUID.randomUUID() + "@example.rs";
        String mb = TestData.mb();
        String draftPath;

        try (Browser first = new Browser(web, lang + "-first")) {
            first.go("/");
            if (!sr) {
                first.click("English");
            }
            assertThat(first.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(sr ? "sr-Latn" : "en");
            first.page("start");
            assertThat(first.text()).contains(sr ? "Otvoreni poziv" : "The open call").contains(sr ? "20.000,00" : "20,000.00");
            // the providers by their names in the page's language, a page of them at a time
            List<String> firstPage = first.driver.findElements(By.cssSelector("#provider-list tbody tr")).stream().map(WebElement::getText).toList();
            assertThat(firstPage).hasSize(10).anyMatch(r -> r.contains(sr ? "Fakultet za fizičku hemiju, Univerzitet u Beogradu Beograd"
                    : "Faculty of Physical Chemistry, University of Belgrade Belgrade"));
            if (sr) {
                assertThat(first.text()).doesNotContain("University").doesNotContain("Faculty").doesNotContain("Belgrade");
            }
            // as many pages as the registry has active providers (other tests add some), ten to a page
            List<JsonNode> active = new java.util.ArrayList<>();
            core.get("/api/providers", null).json().forEach(p -> {
                if (p.get("active").asBoolean()) {
                    active.add(p);
                }
            });
            int pages = (active.size() + 9) / 10;
            assertThat(first.driver.findElement(By.cssSelector("#provider-list nav.pager")).getText())
                    .contains(sr ? "Strana 1 od " + pages : "Page 1 of " + pages);
            // htmx swaps the list in place (the link's address gives the same page without JavaScript)
            first.driver.findElement(By.xpath("//nav[contains(@class,'pager')]//a[normalize-space()="
                    + Browser.xpathLiteral(sr ? "Sledeća strana" : "Next page") + "]")).click();
            first.waitFor(sr ? "Strana 2 od " + pages : "Page 2 of " + pages);
            JsonNode eleventh = active.get(10);
            assertThat(first.driver.findElement(By.cssSelector("#provider-list tbody tr")).getText())
                    .startsWith(eleventh.get("code").asString() + " ")
                    .contains(rs.greenvoucher.api.text.ProviderNames.name(eleventh.get("code").asString(), eleventh.get("name").asString(), lang));
            first.page("start-providers-page-2");

            // the providers, searched by city without JavaScript's help (the form works either way)
            first.type("q", "Niš");
            first.field("q").sendKeys(Keys.ENTER);
            new org.openqa.selenium.support.ui.WebDriverWait(first.driver, Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> { // htmx may swap the list meanwhile
                var rows = d.findElements(By.cssSelector("#provider-list tbody tr"));
                // "Niš" finds the city, and "nis" without diacritics anywhere (Siniša Stanković's institute too)
                return rows.size() > 3 && rows.size() < 68 && rows.stream().allMatch(row -> row.getText().contains("Niš")
                        || row.getText().contains("Siniša"));
            });
            first.page("providers-by-city");

            // "Can I apply?" before any account
            first.go("/can-i-apply");
            first.page("can-i-apply");
            first.choose("ownership", "PRIVATE_DOMESTIC");
            first.type("employees", "42");
            first.type("turnover", sr ? "3.100.000" : "3,100,000");
            first.type("assets", sr ? "2.500.000,50" : "2,500,000.50");
            first.script("arguments[0].value = '2015-03-01'", first.field("registeredOn"));
            first.type("nace", "22.22");
            first.click(sr ? "Proveri" : "Check");
            assertThat(first.text()).contains(sr ? "Po ovim odgovorima preduzeće može da se prijavi" : "From these answers, the enterprise can apply")
                    .contains(SchemeTexts.rule(RuleCode.E2, lang).substring(1));
            first.page("can-i-apply-yes");
            assertThat(first.driver.findElement(By.id("result")).getDomAttribute("class")).contains("good").doesNotContain("refusal");
            // a refusing result looks and is announced like a refusal, with its rule
            first.type("employees", "5");
            first.click(sr ? "Proveri" : "Check");
            WebElement refusal = first.driver.findElement(By.id("result"));
            assertThat(refusal.getDomAttribute("class")).contains("refusal");
            assertThat(refusal.findElement(By.tagName("h2")).getCssValue("color")).isEqualTo("rgba(179, 38, 30, 1)"); // the refusal's red
            assertThat(refusal.getDomAttribute("role")).isEqualTo("alert");
            assertThat(refusal.getText()).contains(SchemeTexts.rule(RuleCode.E2, lang).substring(1)).contains("(E2)");
            first.page("can-i-apply-no");
            // an empty form: each answer "required", not "invalid"
            first.go("/can-i-apply?ownership=&employees=&turnover=&assets=&registeredOn=&nace=");
            assertThat(first.driver.findElement(By.id("employees-error")).getText()).isEqualTo(sr ? "obavezno polje" : "this field is required");
            assertThat(first.text()).doesNotContain(sr ? "neispravna vrednost" : "this value is not valid");

            // sign up: the API's refusal lands on its field, and nothing else typed is lost
            first.go("/sign-up");
            first.page("sign-up");
            first.type("fullName", "Ana Đorđević-Čukić");
            first.type("email", email);
            first.type("password", "kratka");
            first.click(sr ? "Otvori nalog" : "Create account");
            assertThat(first.driver.findElement(By.id("f-password")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(first.value("fullName")).isEqualTo("Ana Đorđević-Čukić");
            assertThat(first.value("email")).isEqualTo(email);
            first.page("sign-up-refused");
            first.type("password", PASSWORD);
            first.click(sr ? "Otvori nalog" : "Create account");
            first.waitFor(sr ? "Nalog je otvoren" : "Your account is open");
            first.page("applications-new-account");

            // the mailed link opens the portal
            first.go("/confirm-email?token=" + AccountMailbox.get().verificationSecret(email, Duration.ofSeconds(30)));
            assertThat(first.text()).contains(sr ? "Adresa e-pošte je potvrđena" : "Your e-mail address is confirmed");
            first.page("confirm-email");

            // the wizard, step 1: a wrong MB is shown on its field, the summary takes the focus, the rest is kept
            first.go("/applications");
            first.click(sr ? "Započni novu prijavu" : "Start a new application");
            assertThat(first.path()).matches("/drafts/[0-9a-f-]{36}/1");
            draftPath = first.path().substring(0, first.path().length() - 2);
            assertThat(first.text()).contains(sr ? "Korak 1 od 6" : "Step 1 of 6");
            first.page("wizard-1");
            String wrongMb = mb.substring(0, 7) + ((mb.charAt(7) - '0' + 1) % 10);
            first.type("enterprise.mb", wrongMb);
            first.waitFor(sr ? "Ovo nije ispravan matični broj" : "This is not a valid registration number"); // as it is typed
            first.type("enterprise.pib", TestData.pib());
            first.waitFor(sr ? "PIB je ispravan" : "The tax number is valid");
            first.type("enterprise.name", NAME);
            first.type("enterprise.address", "Jovana Nenada 15, 24000 Subotica");
            first.choose("enterprise.region", "VOJVODINA");
            first.type("enterprise.naceCode", "22.22");
            first.script("arguments[0].value = '2015-03-01'", first.field("enterprise.registeredOn"));
            first.choose("enterprise.ownership", "PRIVATE_DOMESTIC");
            first.type("enterprise.employees", "42");
            first.type("enterprise.annualTurnoverEur", sr ? "3.100.000" : "3,100,000");
            first.type("enterprise.totalAssetsEur", "2500000");
            first.choose("enterprise.greenRole", "END_USER");
            first.type("enterprise.contactName", "Ana Đorđević-Čukić");
            first.type("enterprise.contactEmail", "ana@example.rs");
            first.press("action", "next");
            assertThat(first.path()).isEqualTo(draftPath + "/1");
            assertThat(first.focused().getDomAttribute("class")).contains("error-summary");
            assertThat(first.driver.findElement(By.id("f-enterprise-mb")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(first.value("enterprise.mb")).isEqualTo(wrongMb);
            assertThat(first.value("enterprise.name")).isEqualTo(NAME);
            first.page("wizard-1-wrong-mb");
            first.driver.findElement(By.cssSelector(".error-summary a")).click(); // the summary's link goes to the field (same page)
            assertThat(first.focused().getDomAttribute("name")).isEqualTo("enterprise.mb");
            first.type("enterprise.mb", mb);
            first.press("action", "next");

            assertThat(first.path()).isEqualTo(draftPath + "/2");
            // a title the API could never store, and a service that has already started (E9): each said at its field,
            // and the rest of the step is kept
            String description = "Prototip linije za PET ambalažu — на ћирилици такође.";
            first.script("arguments[0].value = arguments[1]", first.field("project.title"), "Recycled PET\u0000 line");
            first.type("project.description", description);
            first.script("arguments[0].value = '2020-01-15'", first.field("project.plannedStart"));
            first.press("action", "next");
            assertThat(first.path()).isEqualTo(draftPath + "/2");
            assertThat(first.driver.findElement(By.id("f-project-title-error")).getText()).isEqualTo(sr
                    ? "Tekst sadrži nevidljiv kontrolni znak (na primer iz kopiranog teksta); obrišite ga ili otkucajte tekst ponovo."
                    : "The text contains an invisible control character (from pasted text, for example); delete it or type the text again.");
            assertThat(first.driver.findElement(By.id("f-project-plannedStart-error")).getText()).isEqualTo(sr
                    ? "Usluga mora da počne posle današnjeg dana: vaučer ne plaća usluge koje su već počele (E9)."
                    : "The service must start after today: the voucher does not pay for services that have already started (E9).");
            assertThat(first.value("project.description")).isEqualTo(description);
            assertThat(first.value("project.plannedStart")).isEqualTo("2020-01-15");
            first.page("wizard-2-refused");
            first.script("arguments[0].value = 'x'.repeat(100000)", first.field("project.title"));
            first.press("action", "next");
            assertThat(first.driver.findElement(By.id("f-project-title-error")).getText())
                    .isEqualTo(sr ? "Najviše 300 znakova; skratite tekst." : "At most 300 characters; please shorten the text.");
            assertThat(first.value("project.description")).isEqualTo(description);
            first.type("project.title", "Recycled PET packaging line");
            first.script("arguments[0].value = '" + java.time.LocalDate.now().plusMonths(3) + "'", first.field("project.plannedStart"));
            first.page("wizard-2");
            first.press("action", "next");

            // step 3: more than the voucher may cover (S4): kept for now, refused on the check page
            assertThat(first.path()).isEqualTo(draftPath + "/3");
            first.choose("project.services[0].type", "PROTOTYPING");
            first.type("project.services[0].description", "Prototype of the extrusion head");
            // a cost no SME's R&D service has: refused on its field with its bound, not computed with
            first.type("project.services[0].costEur", sr ? "1.000.000.000.000.000.000" : "1,000,000,000,000,000,000");
            first.press("action", "next");
            assertThat(first.path()).isEqualTo(draftPath + "/3");
            assertThat(first.driver.findElement(By.id("f-project-services-0-costEur-error")).getText()).isEqualTo(sr
                    ? "Najviše 1.000.000 EUR: veći iznos nije stvaran za ovo polje. Proverite da li ste otkucali nulu previše."
                    : "At most EUR 1,000,000: a larger amount cannot be real for this field. Check for a zero too many.");
            assertThat(first.value("project.services[0].description")).isEqualTo("Prototype of the extrusion head");
            first.page("wizard-3-absurd-cost");
            first.type("project.services[0].costEur", sr ? "12.000" : "12,000");
            first.type("project.requestedVoucherEur", sr ? "11.000" : "11,000");
            first.waitFor(sr ? "Traženi iznos je veći" : "The amount requested is more"); // the live totals
            assertThat(first.text()).contains(sr ? "10.800,00" : "10,800.00");
            first.page("wizard-3-totals");
            first.press("action", "next");
            assertThat(first.path()).isEqualTo(draftPath + "/4");
        }

        // another browser, another day: the draft is on the server
        try (Browser second = new Browser(web, lang + "-second")) {
            second.go("/sign-in");
            if (!sr) {
                second.click("English"); // a new browser starts in Serbian
            }
            second.page("sign-in");
            second.type("username", email);
            second.type("password", PASSWORD);
            second.click(sr ? "Prijavi se" : "Sign in");
            assertThat(second.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(sr ? "sr-Latn" : "en");
            second.waitFor(sr ? "Nacrti" : "Drafts");
            second.page("applications-with-draft");
            second.click("Recycled PET packaging line");
            assertThat(second.path()).isEqualTo(draftPath + "/4");
            second.choose("providerCodes[0]", "12");
            second.choose("providerCodes[1]", "23");
            second.page("wizard-4");
            second.press("action", "next");
            second.choose("project.environmentalIndicators[0].indicator", "WASTE_REDUCED");
            second.type("project.environmentalIndicators[0].unit", "t/year");
            second.type("project.environmentalIndicators[0].baseline", "120");
            second.type("project.environmentalIndicators[0].target", "80");
            second.page("wizard-5");
            second.press("action", "next");
            for (String d : new String[]{"noAffiliation", "noLegalProceedings", "serviceNotStarted", "canCoFinance"}) {
                second.field("declarations." + d).click();
            }
            second.page("wizard-6");
            second.press("action", "next");

            // the check page lists the rule that would refuse it, in plain words, before anything is submitted
            assertThat(second.path()).isEqualTo(draftPath + "/check");
            assertThat(second.text()).contains(SchemeTexts.rule(RuleCode.S4, lang).substring(1)).contains("(S4)")
                    .contains(NAME).contains("Vojvodina")
                    .contains(sr ? "Tehnološko-metalurški fakultet, Univerzitet u Beogradu (12)" : "Faculty of Technology and Metallurgy, University of Belgrade (12)");
            assertThat(second.driver.findElement(By.xpath("//form[contains(@action,'/submit')]//button")).isEnabled()).isFalse();
            second.page("check-refused");
            second.navigate(second.driver.findElement(By.cssSelector(".error-summary a[href*='requestedVoucherEur']")));
            assertThat(second.path()).startsWith(draftPath + "/3");
            assertThat(second.value("project.services[0].costEur")).isEqualTo(sr ? "12.000" : "12,000");
            second.type("project.requestedVoucherEur", sr ? "10.800" : "10,800");
            second.press("action", "next");
            second.go(draftPath + "/check");
            assertThat(second.text()).contains(sr ? "Prijava ispunjava sva pravila" : "The application meets every rule");
            // a document, with the slot's own file field: the page then names it, its size and when
            java.nio.file.Path statements = java.nio.file.Files.createTempFile("bilans-2025-", ".pdf");
            java.nio.file.Files.write(statements, rs.greenvoucher.infra.SamplePdf.of("Bilans stanja 2025", NAME));
            second.driver.findElement(By.id("file-FINANCIAL_STATEMENTS")).sendKeys(statements.toString());
            second.navigate(second.driver.findElement(By.xpath("//form[.//input[@id='file-FINANCIAL_STATEMENTS']]//button")));
            assertThat(second.driver.findElement(By.id("slot-FINANCIAL_STATEMENTS")).getText())
                    .contains(statements.getFileName().toString()).contains("kB");
            assertThat(second.text()).contains((sr ? "Priloženo: " : "Attached: ") + statements.getFileName());
            second.page("check-ready");
            second.navigate(second.driver.findElement(By.xpath("//form[contains(@action,'/submit')]//button")));

            // the receipt: the tracking code and what was sent
            assertThat(second.path()).matches("/applications/[0-9a-f-]{36}/receipt");
            String id = second.path().split("/")[2];
            assertThat(second.driver.findElement(By.cssSelector(".tracking")).getText()).startsWith("GIV-");
            assertThat(second.text()).contains(NAME).contains("Recycled PET packaging line");
            second.page("receipt");
            // one trace, from the portal's request to the mail (docs/adr/0034): the portal's line of this submission
            // has its trace id, and so do core's, the evaluation service's queue write and the notification service's mail
            String trace = await().atMost(Duration.ofSeconds(10)).until(() -> ProcessLogs.of("web-ui")
                    .traceId("submitted as application " + id), java.util.Optional::isPresent).orElseThrow();
            assertThat(ProcessLogs.of("application-core").lines(trace)).anyMatch(l -> l.contains("Application " + id + " submitted as GIV-"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(ProcessLogs.of("evaluation-service").lines(trace))
                        .anyMatch(l -> l.contains("Application " + id + " is in the queue for SCREENING"));
                assertThat(ProcessLogs.of("notification-service").lines(trace)).anyMatch(l -> l.matches(".*Mail [0-9a-f-]{36} sent.*"));
            });
            assertThat(core.get("/api/drafts", core.token(email, PASSWORD)).json()).isEmpty(); // the draft is gone
            // its document went with it, for the evaluators to open
            assertThat(core.get("/api/applications/" + id + "/documents", SystemAccess.evaluatorToken("jelena")).json().get(0)
                    .get("kind").asString())
                    .isEqualTo("FINANCIAL_STATEMENTS");

            // the status follows the evaluators' work
            String jelena = SystemAccess.evaluatorToken("jelena");
            String marko = SystemAccess.evaluatorToken("marko");
            awaitStage(jelena, id, "SCREENING");
            evaluate(jelena, id, "/screening", "{\"outcome\":\"PASS\",\"checks\":[],\"noteToApplicant\":\"Sve je u redu.\"}");
            second.go("/applications/" + id);
            second.reloadUntil(SchemeTexts.status(ApplicationStatus.SCREENED, lang), Duration.ofSeconds(30));
            assertThat(second.text()).contains("Sve je u redu.").contains(SchemeTexts.next(ApplicationStatus.SCREENED, lang));
            second.page("application-screened");
            awaitStage(jelena, id, "PROVIDER_MATCHING");
            evaluate(jelena, id, "/provider-match", "{\"providerCodes\":[\"12\"],\"note\":\"\"}");
            awaitStage(marko, id, "COMMITTEE");
            evaluate(marko, id, "/decision", """
                    {"decision":"APPROVE","voucherAmountEur":10800,"scores":{"resourceEfficiency":4,"scalability":3,"innovation":5},
                     "reason":"Strong, measurable waste reduction."}""");
            second.reloadUntil(SchemeTexts.status(ApplicationStatus.APPROVED, lang), Duration.ofSeconds(30));
            assertThat(second.text()).contains(sr ? "10.800,00" : "10,800.00");
            second.page("application-approved");

            // the completion report: targets pre-filled, a wrong amount shown on its field with nothing lost
            second.click(sr ? "Pošalji izveštaj o završetku" : "Send the completion report");
            second.page("completion");
            second.type("environmentalResults[0].value", "85");
            second.type("invoicedEur", "dvanaest");
            second.type("deliverables", "Prototype\nTest report");
            second.type("summary", "Glava ekstrudera je izrađena i ispitana.");
            second.click(sr ? "Pošalji izveštaj" : "Send the report");
            assertThat(second.driver.findElement(By.id("f-invoicedEur")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(second.value("environmentalResults[0].value")).isEqualTo("85");
            assertThat(second.value("summary")).isEqualTo("Glava ekstrudera je izrađena i ispitana.");
            assertThat(second.text()).contains("88 %"); // (85 − 120) / (80 − 120) of the planned improvement
            second.page("completion-wrong-amount");
            second.type("invoicedEur", sr ? "12.000" : "12,000");
            second.click(sr ? "Pošalji izveštaj" : "Send the report");
            // at once the status the report led to, never the old one beside "the report is sent"
            assertThat(second.driver.findElement(By.cssSelector("main .status")).getText())
                    .isEqualTo(SchemeTexts.status(ApplicationStatus.COMPLETION_REPORTED, lang));
            second.reloadUntil(SchemeTexts.status(ApplicationStatus.COMPLETION_REPORTED, lang), Duration.ofSeconds(30));
            second.page("application-reported");

            // withdraw another application of the same account, with a confirmation and a reason
            Response other = core.post("/api/applications", core.token(email, PASSWORD), TestData.application(TestData.mb()));
            assertThat(other.status()).as(other.body()).isEqualTo(201);
            String otherId = other.json().get("id").asString();
            second.go("/applications/" + otherId + "/withdraw");
            second.page("withdraw");
            second.type("reason", "Предузеће је одустало — odustali smo.");
            second.click(sr ? "Da, povuci prijavu" : "Yes, withdraw the application");
            second.reloadUntil(SchemeTexts.status(ApplicationStatus.WITHDRAWN, lang), Duration.ofSeconds(30));
            second.page("withdrawn");

            // the footer's pages: linked from this page as from every other, each in the page's language
            for (String[] footer : new String[][]{{"/contact", sr ? "Kontakt" : "Contact"},
                    {"/privacy", sr ? "Zaštita podataka o ličnosti" : "Privacy notice"},
                    {"/accessibility", sr ? "Izjava o pristupačnosti" : "Accessibility statement"},
                    {"/cookies", sr ? "Kolačići" : "Cookies"}}) {
                second.navigate(second.driver.findElement(By.cssSelector("footer a[href='" + footer[0] + "']")));
                assertThat(second.h1()).isEqualTo(footer[1]);
                assertThat(second.driver.findElement(By.tagName("footer")).getText())
                        .contains(SystemAccess.operator("GV_OPERATOR_NAME")).contains(SystemAccess.operator("GV_SCHEME_FUNDER"))
                        .contains(SystemAccess.operator("GV_OPERATOR_EMAIL"));
                second.page("footer" + footer[0]);
            }
            assertThat(second.text()).contains("GV_SESSION");
            second.go("/privacy");
            assertThat(second.text()).contains(sr ? "Preuzmi moje podatke" : "Download my data").contains(SystemAccess.operator("GV_OPERATOR_EMAIL"));
            second.go("/notifications");
            second.reloadUntil(sr ? "Prijava primljena" : "Application received", Duration.ofSeconds(30));
            second.page("notifications");
            second.go("/profile");
            second.page("profile");
            second.go("/applications/" + UUID.randomUUID());
            assertThat(second.text()).contains(sr ? "Ovo ne postoji ili nije vaše" : "This does not exist or is not yours");
            second.page("not-found");
            second.go("/applications");
            assertThat(second.text()).contains(SchemeTexts.status(ApplicationStatus.COMPLETION_REPORTED, lang))
                    .contains(SchemeTexts.status(ApplicationStatus.WITHDRAWN, lang));
            second.page("applications");
        }
    }

    @Test
    void aJourneyWithTheKeyboardAlone() {
        try (Browser b = new Browser(web, "keyboard")) {
            b.go("/");
            WebElement body = b.driver.findElement(By.tagName("body"));
            body.sendKeys(Keys.TAB);
            assertThat(b.focused().getText()).isEqualTo("Preskoči na glavni sadržaj"); // the skip link comes first
            b.focused().sendKeys(Keys.ENTER);
            b.tabTo("Mogu li da se prijavim?");
            b.focused().sendKeys(Keys.ENTER);
            b.waitForPath("/can-i-apply");
            b.waitFor("šest pitanja");
            b.tabTo("ownership");
            b.focused().sendKeys("Privatno, domaće");
            b.focused().sendKeys(Keys.TAB);
            b.focused().sendKeys("5"); // employees: too few for an SME
            b.focused().sendKeys(Keys.TAB, "3100000", Keys.TAB, "2500000", Keys.TAB);
            b.focused().sendKeys("03012015"); // the date input, as a keyboard fills it (then its calendar button)
            b.tabTo("nace");
            b.focused().sendKeys("22.22", Keys.ENTER);
            b.waitForPath("/can-i-apply?");
            b.waitFor("ne ispunjava sve uslove");
            assertThat(b.driver.findElement(By.cssSelector(".checks .fail")).getText()).contains("(E2)").contains("Nije ispunjeno");
            b.page("keyboard-can-i-apply");
            b.tabTo("Prijava na nalog");
            b.focused().sendKeys(Keys.ENTER);
            b.waitForPath("/sign-in");
            b.tabTo("username");
            String email = core.signUp("sr");
            core.verify(email);
            b.focused().sendKeys(email, Keys.TAB, HttpApi.APPLICANT_PASSWORD, Keys.ENTER);
            b.waitForPath("/applications");
            b.tabTo("Započni novu prijavu");
            b.focused().sendKeys(Keys.ENTER);
            b.waitForPath("/drafts/");
            b.waitFor("Korak 1 od 6");
            b.page("keyboard-wizard");
        }
    }

    @Test
    void pagesFitA320PixelScreen() {
        try (Browser b = new Browser(web, "narrow", 320)) {
            for (String path : new String[]{"/", "/can-i-apply", "/sign-up", "/sign-in"}) {
                b.go(path);
                Object overflow = b.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) overflow).intValue()).as("horizontal scrolling on " + path).isLessThanOrEqualTo(0);
                b.screenshot("320px" + path.replace('/', '-'));
            }
        }
    }

    /** The previous decision on the item is applied (or refused) before the next is taken. */
    private void awaitNoPendingDecision(String token, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = evaluation.get("/api/work-items/" + id, token);
            return r.status() == 200 && r.json().get("item").path("pendingDecision").isNull();
        });
    }

    private void awaitStage(String token, String id, String stage) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = evaluation.get("/api/work-items/" + id, token);
            return r.status() == 200 && stage.equals(r.json().get("item").get("stage").asString());
        });
    }

    private void evaluate(String token, String id, String action, String body) {
        awaitNoPendingDecision(token, id);
        Response claim = evaluation.post("/api/work-items/" + id + "/claim", token, "");
        assertThat(claim.status()).as(claim.body()).isEqualTo(200);
        Response r = evaluation.post("/api/applications/" + id + action, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
    }

}
