package rs.greenvoucher.notification.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.account.AccountEvent;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns an event into at most one e-mail to the applicant, stored as a PENDING notification in the same transaction
 * that records the event id, so a redelivered or replayed event can never make a second mail. MailOutbox sends
 * them. Internal steps (completion reported by the applicant themselves, refused decisions) make no mail.
 */
@Component
public class NotificationPlanner {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    private final String portalUrl;

    NotificationPlanner(JdbcClient jdbc, JsonMapper json, Clock clock,
                        @org.springframework.beans.factory.annotation.Value("${gv.mail.portal-url}") String portalUrl) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    record Recipient(String applicantId, String email, String language, String name, String trackingCode) {
    }

    @Transactional
    public void plan(EventEnvelope e) {
        int fresh = jdbc.sql("insert into processed_event (event_id, processed_at) values (:id, now()) on conflict do nothing")
                .param("id", e.eventId()).update();
        if (fresh == 0) {
            return;
        }
        JsonNode p = json.valueToTree(e.payload());
        if (e.type().equals("ApplicationSubmitted")) {
            JsonNode enterprise = p.path("form").path("enterprise");
            // the applicant's verified address; events from before verification existed carry none
            String email = p.path("applicantEmail").asString(null);
            if (email == null) {
                email = enterprise.path("contactEmail").asString(null);
            }
            if (email == null) {
                throw new PoisonMessageException("ApplicationSubmitted without a contact e-mail", null);
            }
            jdbc.sql("""
                            insert into recipient (application_id, applicant_id, email, language, contact_name, tracking_code)
                            values (:id, :applicant, :email, :lang, :name, :code) on conflict (application_id) do nothing""")
                    .param("id", e.applicationId()).param("applicant", p.path("applicantId").asString(null))
                    .param("email", email).param("lang", "en".equals(p.path("applicantLanguage").asString("sr")) ? "en" : "sr")
                    .param("name", enterprise.path("contactName").asString("")).param("code", p.path("trackingCode").asString())
                    .update();
        }
        if (e.type().equals("VoucherApproved")) {
            jdbc.sql("insert into voucher_deadline (application_id, valid_until) values (:id, :until) on conflict do nothing")
                    .param("id", e.applicationId()).param("until", LocalDate.parse(p.path("validUntil").asString())).update();
        }
        if (e.type().equals("VoucherCompleted") || e.type().equals("VoucherExpired")) {
            jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", e.applicationId()).update();
        }
        Recipient r = jdbc.sql("select * from recipient where application_id = :id").param("id", e.applicationId())
                .query((rs, n) -> new Recipient(rs.getString("applicant_id"), rs.getString("email"), rs.getString("language"),
                        rs.getString("contact_name"), rs.getString("tracking_code")))
                .optional().orElse(null);
        if (r == null) {
            return; // an application submitted before this service existed: nobody to write to
        }
        String lang = r.language();
        Templates.Mail mail = switch (e.type()) {
            case "ApplicationSubmitted" -> Templates.submitted(lang, r.name(), r.trackingCode(),
                    p.path("form").path("project").path("title").asString(""));
            case "ApplicationScreened" -> Templates.screened(lang, r.name(), r.trackingCode(), p.path("noteToApplicant").asString(null));
            case "ProvidersMatched" -> Templates.matched(lang, r.name(), r.trackingCode(), providers(p));
            case "VoucherApproved" -> Templates.approved(lang, r.name(), r.trackingCode(), p.path("amountEur").decimalValue(),
                    LocalDate.parse(p.path("validUntil").asString()));
            case "ApplicationRejected" -> Templates.rejected(lang, r.name(), r.trackingCode(), rules(p), p.path("reason").asString(null));
            case "ApplicationWithdrawn" -> Templates.withdrawn(lang, r.name(), r.trackingCode());
            case "CompletionReportReturned" -> Templates.reportReturned(lang, r.name(), r.trackingCode(), p.path("note").asString(null));
            case "VoucherCompleted" -> Templates.completed(lang, r.name(), r.trackingCode(), p.path("paidEur").decimalValue());
            case "VoucherExpired" -> Templates.expired(lang, r.name(), r.trackingCode());
            default -> null; // CompletionReported, DecisionRefused and anything newer: nothing to tell
        };
        if (mail != null) {
            store(e.eventId(), e.applicationId(), e.type(), r,
                    Templates.withLink(mail, lang, portalUrl + "/applications/" + e.applicationId()));
        }
    }

    /**
     * An account event that needs a mail (the confirmation link, a lock), once per event id. Other account events
     * (revoked tokens) need none.
     */
    @Transactional
    public void plan(AccountEvent event) {
        Templates.Mail mail;
        Recipient to;
        if (event instanceof AccountEvent.VerificationRequested v) {
            mail = Templates.verifyEmail(v.language(), v.fullName(), v.link(), v.expiresAt());
            to = new Recipient(v.accountId().toString(), v.email(), lang(v.language()), v.fullName(), null);
        } else if (event instanceof AccountEvent.AccountLocked l) {
            mail = Templates.locked(l.language(), l.fullName(), l.lockedUntil());
            to = new Recipient(l.accountId().toString(), l.email(), lang(l.language()), l.fullName(), null);
        } else {
            return;
        }
        if (to.email() == null || to.email().isBlank()) {
            return;
        }
        store(event.eventId(), null, event.getClass().getSimpleName(), to, mail);
    }

    private static String lang(String language) {
        return "en".equals(language) ? "en" : "sr";
    }

    /** Stores a mail to send; {@code key} makes it unique (an event id, or a derived id for reminders). */
    void store(UUID key, UUID applicationId, String kind, Recipient r, Templates.Mail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into notification (id, event_id, application_id, applicant_id, kind, recipient, language, subject, body,
                            created_at, next_attempt_at)
                        values (:id, :key, :app, :applicant, :kind, :to, :lang, :subject, :body, :now, :now)
                        on conflict (event_id) do nothing""")
                .param("id", UUID.randomUUID()).param("key", key).param("app", applicationId).param("applicant", r.applicantId())
                .param("kind", kind).param("to", r.email()).param("lang", r.language()).param("subject", mail.subject())
                .param("body", mail.body()).param("now", now).update();
    }

    Recipient recipient(UUID applicationId) {
        return jdbc.sql("select * from recipient where application_id = :id").param("id", applicationId)
                .query((rs, n) -> new Recipient(rs.getString("applicant_id"), rs.getString("email"), rs.getString("language"),
                        rs.getString("contact_name"), rs.getString("tracking_code")))
                .optional().orElse(null);
    }

    private static List<String> providers(JsonNode p) {
        List<String> names = new ArrayList<>();
        if (p.path("providers").isArray()) {
            p.path("providers").forEach(x -> names.add(x.path("name").asString(x.path("code").asString())));
        } else {
            p.path("providerCodes").forEach(x -> names.add(x.asString()));
        }
        return names;
    }

    private static List<RuleCode> rules(JsonNode p) {
        List<RuleCode> rules = new ArrayList<>();
        p.path("ruleCodes").forEach(x -> {
            try {
                rules.add(RuleCode.valueOf(x.asString()));
            } catch (IllegalArgumentException unknown) {
                // a rule newer than this service: the reason text still explains it
            }
        });
        return rules;
    }
}
