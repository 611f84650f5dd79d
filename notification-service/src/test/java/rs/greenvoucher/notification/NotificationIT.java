package rs.greenvoucher.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.infra.FreePorts;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.RawEnvelope;
import rs.greenvoucher.infra.TestTokens;
import rs.greenvoucher.infra.TopicReader;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real Kafka, PostgreSQL and SMTP (GreenMail): the mails, their language, exactly once, and nothing lost. */
class NotificationIT extends NotificationIntegrationTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("gv.mail.send-interval", () -> "PT0.1S");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Test
    void mailsInTheApplicantsLanguageWithDiacriticsAndPlainReasons() throws Exception {
        UUID sr = UUID.randomUUID();
        UUID en = UUID.randomUUID();
        String srMail = "ana-" + sr + "@example.rs";
        String enMail = "john-" + en + "@example.com";
        send(submitted(sr, "applicant-sr", srMail, "sr"));
        send(submitted(en, "applicant-en", enMail, "en"));
        send(envelope(sr, 1, "ApplicationRejected", Map.of("status", "REJECTED", "stage", "SCREENING", "ruleCodes", List.of("E6"),
                "reason", "Proizvodnja vina je isključena.")));
        send(envelope(en, 1, "VoucherApproved", Map.of("status", "APPROVED", "amountEur", 10800, "validUntil", "2027-05-22")));

        List<MimeMessage> toAna = awaitMails(srMail, 2);
        assertThat(toAna.get(0).getSubject()).startsWith("Prijava primljena — GIV-2026-");
        assertThat(body(toAna.get(0))).contains("Poštovani/a Ana Petrović").contains("„Reciklirana PET ambalaža“");
        assertThat(toAna.get(1).getSubject()).startsWith("Prijava nije prihvaćena");
        assertThat(body(toAna.get(1))).contains("igre na sreću, duvan ili alkohol (E6)").contains("Proizvodnja vina je isključena.")
                .contains("Vaša prijava u portalu: http://127.0.0.1:8083/applications/" + sr);
        // the HTML part says the same, escaped, with the portal's address as a link
        assertThat(html(toAna.get(1))).startsWith("<!DOCTYPE html><html lang=\"sr-Latn\">")
                .contains("<a href=\"http://127.0.0.1:8083/applications/" + sr + "\">")
                .contains("Proizvodnja vina je isključena.");

        List<MimeMessage> toJohn = awaitMails(enMail, 2);
        assertThat(toJohn.get(0).getSubject()).startsWith("Application received — GIV-2026-");
        assertThat(toJohn.get(1).getSubject()).startsWith("Voucher approved");
        assertThat(body(toJohn.get(1))).contains("EUR 10,800.00").contains("22 May 2027");
    }

    @Test
    void theConfirmationLinkAndTheLockNoticeGoToTheAccountOnceAndNotToTheFeed() throws Exception {
        UUID account = UUID.randomUUID();
        String to = "vera-" + account + "@example.rs";
        rs.greenvoucher.api.account.AccountEvent link = new rs.greenvoucher.api.account.AccountEvent.VerificationRequested(
                UUID.randomUUID(), account, to, "Vera Jovanović", "sr", "http://localhost:8080/api/accounts/email-verification?token=abc",
                Instant.parse("2026-11-25T10:00:00Z"), Instant.now());
        rs.greenvoucher.api.account.AccountEvent locked = new rs.greenvoucher.api.account.AccountEvent.AccountLocked(
                UUID.randomUUID(), account, to, "Vera Jovanović", "en", Instant.parse("2026-11-23T10:15:00Z"), Instant.now());
        for (var event : List.of(link, link, locked)) { // the link delivered twice: one mail
            kafka.send(Topics.ACCOUNT_EVENTS, account.toString(),
                    json.writerFor(rs.greenvoucher.api.account.AccountEvent.class).writeValueAsString(event)).get();
        }
        kafka.send(Topics.ACCOUNT_EVENTS, account.toString(), "{\"type\":\"SomethingNewer\",\"accountId\":\"" + account + "\"}").get();
        List<MimeMessage> mails = awaitMails(to, 2);
        assertThat(mails.get(0).getSubject()).isEqualTo("Potvrdite adresu e-pošte — Zeleni vaučer");
        assertThat(body(mails.get(0))).contains("email-verification?token=abc").contains("25. 11. 2026.");
        assertThat(mails.get(1).getSubject()).startsWith("Sign-in to your account is locked");
        assertThat(body(mails.get(1))).contains("11:15");
        assertThat(jdbc.sql("select count(*) from notification where applicant_id = :a").param("a", account.toString())
                .query(Integer.class).single()).isEqualTo(2);
        String feed = new HttpApi(port).get("/api/notifications", TestTokens.get().token(account.toString(), "Vera", "APPLICANT")).body();
        assertThat(feed).isEqualTo("[]");
    }

    @Autowired
    rs.greenvoucher.notification.mail.DeadlineReminders reminders;

    @Test
    void oneReminderBeforeTheVoucherDeadline() throws Exception {
        UUID app = UUID.randomUUID();
        String to = "reminder-" + app + "@example.rs";
        send(submitted(app, "applicant-reminder", to, "sr"));
        String validUntil = java.time.LocalDate.now().plusDays(10).toString();
        send(envelope(app, 1, "VoucherApproved", Map.of("status", "APPROVED", "amountEur", 9000, "validUntil", validUntil)));
        awaitMails(to, 2);
        reminders.remind();
        reminders.remind(); // however often it runs: one reminder
        List<MimeMessage> mails = awaitMails(to, 3);
        assertThat(mails.get(2).getSubject()).startsWith("Podsetnik: rok za vaučer ističe");
        assertThat(jdbc.sql("select count(*) from notification where application_id = :id and kind = 'DeadlineReminder'")
                .param("id", app).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void replayingTheSameEventsSendsNothingNew() throws Exception {
        UUID app = UUID.randomUUID();
        String to = "replay-" + app + "@example.rs";
        List<RawEnvelope> events = List.of(submitted(app, "applicant-replay", to, "sr"),
                envelope(app, 1, "ApplicationScreened", Map.of("status", "SCREENED", "noteToApplicant", "Uredno.")),
                envelope(app, 2, "CompletionReported", Map.of("status", "COMPLETION_REPORTED")));
        for (RawEnvelope e : events) {
            send(e);
        }
        awaitMails(to, 2);
        for (int i = 0; i < 3; i++) {
            for (RawEnvelope e : events) {
                send(e); // redelivered, as after a restart mid-batch or a replay of the topic
            }
        }
        RawEnvelope marker = envelope(app, 3, "ApplicationWithdrawn", Map.of("status", "WITHDRAWN"));
        send(marker);
        List<MimeMessage> mails = awaitMails(to, 3);
        assertThat(mails.get(2).getSubject()).startsWith("Prijava povučena");
        assertThat(mailsTo(to)).hasSize(3);
        assertThat(jdbc.sql("select count(*) from notification where application_id = :id").param("id", app).query(Integer.class).single())
                .isEqualTo(3);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void whenSmtpIsDownNothingIsLostAndSendingResumes() throws Exception {
        UUID app = UUID.randomUUID();
        String to = "smtp-down-" + app + "@example.rs";
        double retryingBefore = meters.get("gv.mails.retrying").gauge().value();
        SMTP.stop();
        try {
            send(submitted(app, "applicant-smtp", to, "en"));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from notification where application_id = :id and status = 'PENDING' and attempts >= 1")
                    .param("id", app).query(Integer.class).single() == 1);
            // the operator's metric moves with it (the GvMailsFailing alert reads it)
            assertThat(meters.get("gv.mails.retrying").gauge().value()).isGreaterThanOrEqualTo(retryingBefore + 1);
        } finally {
            SMTP.start();
        }
        List<MimeMessage> mails = awaitMails(to, 1);
        assertThat(mails.get(0).getSubject()).startsWith("Application received");
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("gv.mails.retrying").gauge().value() <= retryingBefore);
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterTopicAndTheServiceGoesOn() throws Exception {
        String dltName = Topics.APPLICATION_EVENTS + Topics.DEAD_LETTER_SUFFIX;
        double parkedBefore = meters.get("gv.dead.letter.records").tag("topic", dltName).gauge().value();
        try (TopicReader dlt = new TopicReader(dltName)) {
            String key = UUID.randomUUID().toString();
            kafka.send(Topics.APPLICATION_EVENTS, key, "{\"eventId\": 42").get();
            UUID app = UUID.randomUUID();
            String to = "after-poison-" + app + "@example.rs";
            send(submitted(app, "applicant-poison", to, "sr"));
            awaitMails(to, 1);
            assertThat(TopicReader.header(dlt.await(key, 1, Duration.ofSeconds(30)).get(0), "gv-dlt-reason"))
                    .contains("not a readable event envelope");
        }
        // the operator's metric (GvDeadLettersGrowing reads its increase) counts it (it is read at most every 10 s)
        await().atMost(Duration.ofSeconds(30)).until(() ->
                meters.get("gv.dead.letter.records").tag("topic", dltName).gauge().value() >= parkedBefore + 1);
    }

    @Test
    void theFeedShowsOnlyTheCallersOwnNotificationsNewestFirst() throws Exception {
        String me = "applicant-" + UUID.randomUUID();
        UUID app = UUID.randomUUID();
        send(submitted(app, me, "feed-" + app + "@example.rs", "sr"));
        send(envelope(app, 1, "ApplicationScreened", Map.of("status", "SCREENED")));
        send(submitted(UUID.randomUUID(), "someone-else", "other@example.rs", "en"));
        HttpApi api = new HttpApi(port);
        String token = token(me);
        JsonNode feed = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/notifications", token).json(), j -> j.size() == 2);
        assertThat(feed.get(0).get("kind").asString()).isEqualTo("ApplicationScreened");
        assertThat(feed.get(1).get("kind").asString()).isEqualTo("ApplicationSubmitted");
        assertThat(api.get("/api/notifications", null).status()).isEqualTo(401);
    }

    static String token(String subject) {
        return TestTokens.get().token(subject, "Ana Petrović", "APPLICANT");
    }

    RawEnvelope submitted(UUID app, String applicantId, String email, String language) {
        Map<String, Object> form = Map.of(
                "enterprise", Map.of("mb", "20084693", "name", "Eko Plast d.o.o.", "contactName", "en".equals(language) ? "John Smith" : "Ana Petrović",
                        "contactEmail", email),
                "project", Map.of("title", "Reciklirana PET ambalaža"));
        return envelope(app, 0, "ApplicationSubmitted", Map.of("status", "SUBMITTED", "trackingCode", "GIV-2026-" + app.toString().substring(0, 6),
                "applicantId", applicantId, "applicantLanguage", language, "enterpriseMb", "20084693", "form", form));
    }

    static RawEnvelope envelope(UUID app, long sequence, String type, Map<String, Object> payload) {
        return RawEnvelope.of(app, sequence, type, payload);
    }

    /**
     * A mail left SENDING by an instance that stopped saying it is alive goes back to the queue (and is sent) within
     * seconds; one SENDING by this live instance, as old, is left to it.
     */
    @Test
    void aMailLeftSendingByAStoppedInstanceIsSentAgainOneOfALiveInstanceIsNot() {
        UUID live = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select instance from mail_sender order by seen_at desc limit 1").query(UUID.class).optional().orElse(null),
                java.util.Objects::nonNull);
        UUID ofTheStopped = sendingRow("stopped-" + UUID.randomUUID() + "@example.rs", UUID.randomUUID());
        UUID ofTheLive = sendingRow("live-" + UUID.randomUUID() + "@example.rs", live);

        await().atMost(Duration.ofSeconds(30)).until(() -> !status(ofTheStopped).equals("SENDING"));
        // the same statement looked at both rows: the live instance's stays as it is
        assertThat(status(ofTheLive)).isEqualTo("SENDING");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(ofTheStopped).equals("SENT"));
    }

    private UUID sendingRow(String recipient, UUID sender) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into notification (id, event_id, application_id, kind, recipient, language, subject, body,
                            created_at, status, attempts, next_attempt_at, sending_since, sending_by)
                        values (:id, :event, :app, 'SUBMITTED', :to, 'sr', 'Prijava primljena', 'Telo', now(), 'SENDING', 1, now(),
                            now() - interval '20 seconds', :by)""")
                .param("id", id).param("event", UUID.randomUUID()).param("app", UUID.randomUUID()).param("to", recipient)
                .param("by", sender).update();
        return id;
    }

    private String status(UUID notification) {
        return jdbc.sql("select status from notification where id = :id").param("id", notification).query(String.class).single();
    }

    void send(RawEnvelope e) throws Exception {
        kafka.send(Topics.APPLICATION_EVENTS, e.applicationId().toString(), json.writeValueAsString(e)).get();
    }

    static List<MimeMessage> awaitMails(String to, int count) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(to).size() >= count);
        return mailsTo(to);
    }

    static List<MimeMessage> mailsTo(String to) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                mails.add(m);
            }
        }
        return mails;
    }

    /** The plain-text part (the mail is multipart/alternative: plain text, then the same as HTML). */
    static String body(MimeMessage m) throws Exception {
        jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) m.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        return alternative.getBodyPart(0).getContent().toString();
    }

    static String html(MimeMessage m) throws Exception {
        return ((jakarta.mail.Multipart) m.getContent()).getBodyPart(1).getContent().toString();
    }
}
