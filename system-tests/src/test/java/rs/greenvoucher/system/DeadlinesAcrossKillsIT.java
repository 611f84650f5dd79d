package rs.greenvoucher.system;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.TestData;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The last test of the API lane, after the fault suite on the same system: it kills core and leaves it days ahead. */
@Order(Integer.MAX_VALUE)
class DeadlinesAcrossKillsIT {

    private static SystemUnderTest system;

    @org.junit.jupiter.api.BeforeAll
    static void theApiTestsSystem() {
        system = SystemUnderTest.api();
    }

    @org.junit.jupiter.api.AfterAll
    static void itsCpuGoesBackToTheBrowserTests() {
        system.stop();
    }

    /**
     * D3's deadlines on a real process: core is started days ahead (GV_CLOCK_OFFSET) with a round every second,
     * killed with -9 right as it comes up (its first rounds may be mid-way) and started again; the reminder and then
     * (started further ahead) the expiry each happen once: one event, one mail, and no more over the rounds after.
     */
    @Test
    void aRequestsReminderAndExpiryHappenOnceAcrossKillsOfCore() throws Exception {
        String email = system.core.signUp("sr");
        system.core.verify(email);
        String token = system.core.token(email, HttpApi.APPLICANT_PASSWORD);
        var submitted = system.core.post("/api/applications", token, TestData.application(TestData.mb()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        String marko = system.evaluatorToken("marko");
        await().atMost(Duration.ofSeconds(30)).until(() -> system.evaluation.post("/api/work-items/" + id + "/claim", marko, "").status() == 200);
        var asked = system.evaluation.post("/api/applications/" + id + "/information-request", marko,
                "{\"message\":\"Pošaljite finansijske izveštaje.\",\"documentKinds\":[\"FINANCIAL_STATEMENTS\"]}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String admin = system.adminToken();
        await().atMost(Duration.ofSeconds(30)).until(() -> "INFORMATION_REQUESTED".equals(
                system.core.get("/api/applications/" + id, admin).json().path("status").asString("")));
        int days = java.time.Period.between(java.time.LocalDate.now(rs.greenvoucher.api.SchemeRules.ZONE), java.time.LocalDate.parse(
                system.core.get("/api/applications/" + id, admin).json().get("informationRequest").get("replyBy").asString())).getDays();
        boolean first = true;
        for (String[] step : new String[][]{{"P" + (days - 3) + "D", "ReplyReminderDue", "Podsetnik: dopune do "},
                {"P" + (days + 1) + "D", "InformationRequestExpired", "Prijava je istekla — "}}) {
            system.kill("application-core");
            system.restart("application-core", Map.of("GV_CLOCK_OFFSET", step[0], "GV_EXPIRY_CHECK_INTERVAL", "PT1S",
                    "GV_EXPIRY_INITIAL_DELAY", "PT0S"));
            if (first) {
                system.kill("application-core"); // as it comes up: its first round may be under way
                system.restart("application-core");
                first = false;
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> events(id, admin, step[1]) >= 1 && mails(email, step[2]) >= 1);
            // held over the next rounds (one a second) and the notification service's polls: once, never twice
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> events(id, admin, step[1]) == 1 && mails(email, step[2]) == 1);
        }
        assertThat(system.core.get("/api/applications/" + id, admin).json().get("status").asString()).isEqualTo("EXPIRED");
        // core keeps its clock two weeks ahead: nothing runs on this system after this test (it stops)
    }

    private long events(String id, String admin, String type) {
        long n = 0;
        for (var entry : system.core.get("/api/applications/" + id + "/audit", admin).json().get("entries")) {
            n += entry.get("event").asString().equals(type) ? 1 : 0;
        }
        return n;
    }

    private long mails(String to, String subjectStart) throws Exception {
        long n = 0;
        for (MimeMessage m : system.smtp.getReceivedMessages()) {
            if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to)) && m.getSubject().startsWith(subjectStart)) {
                n++;
            }
        }
        return n;
    }

}
