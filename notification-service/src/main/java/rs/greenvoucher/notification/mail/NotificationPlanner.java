package rs.greenvoucher.notification.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.account.AccountEvent;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.platform.kafka.KafkaKeyRing;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
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
    private final KafkaKeyRing keys;

    private final String portalUrl;

    NotificationPlanner(JdbcClient jdbc, JsonMapper json, Clock clock, KafkaKeyRing keys,
                        @org.springframework.beans.factory.annotation.Value("${gv.mail.portal-url}") String portalUrl) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.keys = keys;
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
        ApplicationMessage m = e.payload();
        if (m instanceof ApplicationMessage.PersonalDataErased erased) {
            erase(e, erased);
            return;
        }
        if (m instanceof ApplicationMessage.ApplicationSubmitted submitted) {
            ApplicationForm.Enterprise enterprise = submitted.form().enterprise();
            // the applicant's verified address; events from before verification existed carry none
            String email = submitted.applicantEmail() != null ? submitted.applicantEmail() : enterprise.contactEmail();
            if (email == null) {
                throw new PoisonMessageException("ApplicationSubmitted without a contact e-mail", null);
            }
            jdbc.sql("""
                            insert into recipient (application_id, applicant_id, email, language, contact_name, tracking_code)
                            values (:id, :applicant, :email, :lang, :name, :code) on conflict (application_id) do nothing""")
                    .param("id", e.applicationId()).param("applicant", submitted.applicantId())
                    .param("email", email).param("lang", lang(submitted.applicantLanguage()))
                    .param("name", enterprise.contactName() == null ? "" : enterprise.contactName())
                    .param("code", submitted.trackingCode())
                    .update();
        }
        if (m instanceof ApplicationMessage.VoucherApproved approved) {
            jdbc.sql("insert into voucher_deadline (application_id, valid_until) values (:id, :until) on conflict do nothing")
                    .param("id", e.applicationId()).param("until", approved.validUntil()).update();
        }
        if (m instanceof ApplicationMessage.VoucherCompleted || m instanceof ApplicationMessage.VoucherExpired
                || m instanceof ApplicationMessage.ApplicationRejected) {
            // (a rejected approval, after a correction: no reminders of its deadline)
            jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", e.applicationId()).update();
        }
        Recipient r = recipient(e.applicationId());
        if (r == null) {
            return; // an application submitted before this service existed: nobody to write to
        }
        Templates.Mail mail = mail(m, r);
        if (mail != null) {
            store(e.eventId(), e.applicationId(), e.type(), r,
                    Templates.withLink(mail, r.language(), portalUrl + "/applications/" + e.applicationId()));
        }
    }

    /**
     * The applicant's personal data was erased (docs/adr/0011): nobody to write to any more, a mail not yet sent is
     * dropped, and the sent ones (also the account's) keep only that they were sent, when and of what kind.
     */
    private void erase(EventEnvelope e, ApplicationMessage.PersonalDataErased erased) {
        keys.forget(e.applicationId().toString());
        jdbc.sql("delete from recipient where application_id = :id").param("id", e.applicationId()).update();
        jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", e.applicationId()).update();
        jdbc.sql("""
                        delete from notification where status = 'PENDING'
                        and (application_id = :id or (cast(:applicant as varchar) is not null and applicant_id = :applicant))""")
                .param("id", e.applicationId()).param("applicant", erased.applicantId()).update();
        jdbc.sql("""
                        update notification set recipient = :erased, subject = :erased, body = :erased
                        where application_id = :id or (cast(:applicant as varchar) is not null and applicant_id = :applicant)""")
                .param("erased", SealedText.ERASED).param("id", e.applicationId()).param("applicant", erased.applicantId())
                .update();
    }

    /** The mail an event means to the applicant; none for internal steps and for types newer than this code. */
    static Templates.Mail mail(ApplicationMessage m, Recipient r) {
        String lang = r.language();
        if (m instanceof ApplicationMessage.ApplicationSubmitted s) {
            return Templates.submitted(lang, r.name(), r.trackingCode(), s.form().project().title());
        }
        if (m instanceof ApplicationMessage.ApplicationScreened s) {
            return Templates.screened(lang, r.name(), r.trackingCode(), s.noteToApplicant());
        }
        if (m instanceof ApplicationMessage.ProvidersMatched s) {
            return Templates.matched(lang, r.name(), r.trackingCode(), providers(s, lang));
        }
        if (m instanceof ApplicationMessage.VoucherApproved s) {
            return Templates.approved(lang, r.name(), r.trackingCode(), s.amountEur().amount(), s.validUntil());
        }
        if (m instanceof ApplicationMessage.ApplicationRejected s) {
            return Templates.rejected(lang, r.name(), r.trackingCode(), s.knownRuleCodes(), s.reason());
        }
        if (m instanceof ApplicationMessage.ApplicationWithdrawn) {
            return Templates.withdrawn(lang, r.name(), r.trackingCode());
        }
        if (m instanceof ApplicationMessage.CompletionReportReturned s) {
            return Templates.reportReturned(lang, r.name(), r.trackingCode(), s.note());
        }
        if (m instanceof ApplicationMessage.VoucherCompleted s) {
            return Templates.completed(lang, r.name(), r.trackingCode(), s.paidEur().amount());
        }
        if (m instanceof ApplicationMessage.VoucherExpired) {
            return Templates.expired(lang, r.name(), r.trackingCode());
        }
        if (m instanceof ApplicationMessage.DecisionCorrected c && c.reinstates()) {
            return Templates.reinstated(lang, r.name(), r.trackingCode(), c.stage() == Stage.SCREENING, c.reason());
        }
        // CompletionReported, DecisionRefused, a correction's proposal, one that rejects (its rejection is told) and
        // anything newer: nothing to tell
        return null;
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

    /** In the mail's language: a Serbian mail names the providers by their Serbian names. */
    private static List<String> providers(ApplicationMessage.ProvidersMatched matched, String lang) {
        if (matched.providers() != null) {
            return matched.providers().stream().map(p -> p.name() == null ? p.code()
                    : rs.greenvoucher.api.text.ProviderNames.name(p.code(), p.name(), lang)).toList();
        }
        return matched.providerCodes().stream().map(code -> code.value()).toList();
    }
}
