package rs.greenvoucher.notification.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.kafka.PaymentMessage;
import rs.greenvoucher.api.kafka.ProviderContact;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.platform.kafka.KafkaKeyRing;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
    private final PlannedMails mails;

    private final String portalUrl;

    NotificationPlanner(JdbcClient jdbc, JsonMapper json, Clock clock, KafkaKeyRing keys, PlannedMails mails,
                        @org.springframework.beans.factory.annotation.Value("${gv.mail.portal-url}") String portalUrl) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.keys = keys;
        this.mails = mails;
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
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
        if (m instanceof DecisionMessage.VoucherApproved approved) {
            jdbc.sql("insert into voucher_deadline (application_id, valid_until) values (:id, :until) on conflict do nothing")
                    .param("id", e.applicationId()).param("until", approved.validUntil()).update();
        }
        if (m instanceof DecisionMessage.VoucherCompleted || m instanceof ApplicationMessage.VoucherExpired
                || m instanceof DecisionMessage.ApplicationRejected || m instanceof ApplicationMessage.InformationRequestExpired) {
            // (a rejected approval, after a correction: no reminders of its deadline)
            jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", e.applicationId()).update();
        }
        PlannedMails.Recipient r = mails.recipient(e.applicationId());
        tellProviders(e, m, r == null ? null : r.trackingCode());
        if (r == null) {
            return; // an application submitted before this service existed: nobody to write to
        }
        Templates.Mail mail = m instanceof PaymentMessage.PaymentMade paid
                ? (paid.allPaid() ? PaymentMails.allPaid(r.language(), r.name(), r.trackingCode()) : null)
                : ApplicationMails.of(m, r);
        if (mail != null) {
            mails.store(e.eventId(), e.applicationId(), e.type(), r,
                    Templates.withLink(mail, r.language(), portalUrl + "/applications/" + e.applicationId()));
        }
    }

    /**
     * The people of the providers a message is about: each gets one mail per event, keyed by the event and the address
     * (docs/adr/0032), with the link to the provider's page.
     */
    private void tellProviders(EventEnvelope e, ApplicationMessage m, String trackingCode) {
        String code = trackingCode != null ? trackingCode : e.applicationId().toString();
        if (m instanceof DecisionMessage.VoucherApproved approved && approved.providers() != null) {
            for (ProviderContact provider : approved.providers()) {
                for (ProviderContact.Person person : provider.people()) {
                    String lang = lang(person.language());
                    String name = rs.greenvoucher.api.text.ProviderNames.name(provider.code(), provider.name(), lang);
                    providerMail(e, person, lang, PaymentMails.approvedForProvider(lang, name, code, approved));
                }
            }
        } else if (m instanceof PaymentMessage payment && payment.provider() != null) {
            for (ProviderContact.Person person : payment.provider().people()) {
                String lang = lang(person.language());
                providerMail(e, person, lang, PaymentMails.forProvider(lang, code, payment));
            }
        }
    }

    private void providerMail(EventEnvelope e, ProviderContact.Person person, String lang, Templates.Mail mail) {
        UUID key = UUID.nameUUIDFromBytes((e.eventId() + "|" + person.email()).getBytes(StandardCharsets.UTF_8));
        mails.store(key, e.applicationId(), e.type(), new PlannedMails.Recipient(null, person.email(), lang, "", null),
                Templates.withLink(mail, lang, portalUrl + "/provider"));
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

    private static String lang(String language) {
        return "en".equals(language) ? "en" : "sr";
    }
}
