package rs.greenvoucher.notification.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/** The mails waiting to be sent (notification), each unique by its key, and the applicants they go to (recipient). */
@Component
public class PlannedMails {

    private final JdbcClient jdbc;
    private final Clock clock;

    private final rs.greenvoucher.platform.tracing.Traces traces;

    PlannedMails(JdbcClient jdbc, Clock clock, rs.greenvoucher.platform.tracing.Traces traces) {
        this.traces = traces;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Recipient(String applicantId, String email, String language, String name, String trackingCode) {
    }

    /** Stores a mail to send; {@code key} makes it unique (an event id, or a derived id for reminders). */
    void store(UUID key, UUID applicationId, String kind, Recipient r, Templates.Mail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into notification (id, event_id, application_id, applicant_id, kind, recipient, language, subject, body,
                            created_at, next_attempt_at, traceparent)
                        values (:id, :key, :app, :applicant, :kind, :to, :lang, :subject, :body, :now, :now, :trace)
                        on conflict (event_id) do nothing""")
                .param("trace", traces.current()) // the mail is sent in the trace of the event that asked for it
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
}
