package rs.greenvoucher.evaluation.queue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.platform.privacy.KafkaKeyRing;
import rs.greenvoucher.platform.privacy.PersonalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * The work queue's writes. Each event is applied once (processed_event, same transaction) and only if it is newer
 * than what the item has seen (per-application sequence), so redeliveries and replays change nothing.
 */
@Component
public class WorkQueue {


    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final KafkaKeyRing keys;

    WorkQueue(JdbcClient jdbc, JsonMapper json, KafkaKeyRing keys) {
        this.jdbc = jdbc;
        this.json = json;
        this.keys = keys;
    }

    @Transactional
    public void apply(EventEnvelope e) {
        int fresh = jdbc.sql("insert into processed_event (event_id, processed_at) values (:id, now()) on conflict do nothing")
                .param("id", e.eventId()).update();
        if (fresh == 0) {
            return;
        }
        ApplicationMessage message = EventEnvelopes.message(json, e, keys::find);
        Timestamp at = Timestamp.from(e.occurredAt());
        if (message instanceof ApplicationMessage.ApplicationSubmitted submitted) {
            submitted(e, submitted, at);
            return;
        }
        Long last = jdbc.sql("select last_sequence from work_item where application_id = :id for update")
                .param("id", e.applicationId()).query(Long.class).optional().orElse(null);
        if (last == null || e.sequence() <= last) {
            return; // an item we never had, or an event older than what the item shows
        }
        if (message instanceof ApplicationMessage.PersonalDataErased) {
            erase(e);
        }
        if (message instanceof ApplicationMessage.CorrectionProposed || message instanceof ApplicationMessage.CorrectionDeclined
                || message instanceof ApplicationMessage.DecisionCorrected corrected && !corrected.reinstates()) {
            // nothing moves yet: a proposal waits for a second ADMIN; a correction that rejects is followed by the rejection
            jdbc.sql("update work_item set last_sequence = :seq where application_id = :id")
                    .param("seq", e.sequence()).param("id", e.applicationId()).update();
            return;
        }
        if (message instanceof ApplicationMessage.DecisionRefused refused) {
            String refusal = json.writeValueAsString(Map.of("decisionId", String.valueOf(refused.decisionId()),
                    "code", String.valueOf(refused.code()), "reason", String.valueOf(refused.reason()), "at", e.occurredAt().toString()));
            jdbc.sql("""
                            update work_item set last_refusal = cast(:refusal as jsonb), pending_decision = null,
                                last_sequence = :seq, updated_at = :at where application_id = :id""")
                    .param("refusal", refusal).param("seq", e.sequence()).param("at", at).param("id", e.applicationId()).update();
            jdbc.sql("update decision set outcome = 'REFUSED', refusal_reason = :reason where decision_id = :d")
                    .param("reason", refused.code() + ": " + refused.reason()).param("d", refused.decisionId()).update();
            return;
        }
        String providers = message instanceof ApplicationMessage.ProvidersMatched matched
                ? json.writeValueAsString(matched.providerCodes()) : null;
        Stage next = nextStage(message);
        // a new stage starts unclaimed; a finished application leaves the queue
        jdbc.sql("""
                        update work_item set status = :status, stage = :stage,
                            enqueued_at = case when cast(:stage as varchar) is null then enqueued_at else :at end,
                            assignee = null, assignee_name = null, claimed_at = null, pending_decision = null,
                            providers = coalesce(cast(:providers as jsonb), providers),
                            last_sequence = :seq, updated_at = :at
                        where application_id = :id""")
                .param("status", message.status().name()).param("stage", next == null ? null : next.name()).param("at", at)
                .param("providers", providers).param("seq", e.sequence()).param("id", e.applicationId()).update();
        if (message instanceof ApplicationMessage.FromDecision decided && decided.decisionId() != null) {
            jdbc.sql("update decision set outcome = 'APPLIED' where decision_id = :d").param("d", decided.decisionId()).update();
        }
    }

    /** The stage an application waits in after this event; none when it waits for the applicant or is finished. */
    static Stage nextStage(ApplicationMessage message) {
        if (message instanceof ApplicationMessage.ApplicationScreened) {
            return Stage.PROVIDER_MATCHING;
        }
        if (message instanceof ApplicationMessage.ProvidersMatched) {
            return Stage.COMMITTEE;
        }
        if (message instanceof ApplicationMessage.CompletionReported) {
            return Stage.COMPLETION_VERIFICATION;
        }
        if (message instanceof ApplicationMessage.DecisionCorrected corrected && corrected.reinstates()) {
            // back at the stage the corrected decision was taken at, for someone to decide again
            return corrected.status() == ApplicationStatus.SCREENED ? Stage.PROVIDER_MATCHING
                    : corrected.status() == ApplicationStatus.PROVIDER_MATCHED ? Stage.COMMITTEE : null;
        }
        return null;
    }

    /** The item's copy of the application loses its personal data, as the events on the topic have (docs/adr/0011). */
    private void erase(EventEnvelope e) {
        keys.forget(e.applicationId().toString());
        String application = jdbc.sql("select application::text from work_item where application_id = :id")
                .param("id", e.applicationId()).query(String.class).single();
        JsonNode form = json.readTree(application);
        PersonalJson.erase(form, PersonalData.FORM);
        jdbc.sql("""
                        update work_item set enterprise_name = :erased, applicant_email = null, application = cast(:form as jsonb)
                        where application_id = :id""")
                .param("erased", SealedText.ERASED).param("form", json.writeValueAsString(form)).param("id", e.applicationId())
                .update();
    }

    private void submitted(EventEnvelope e, ApplicationMessage.ApplicationSubmitted submitted, Timestamp at) {
        ApplicationForm form = submitted.form();
        MoneyLimits rules = submitted.callParameters() == null ? SchemeRules.FIRST_CALL_MONEY
                : submitted.callParameters().moneyLimits();
        List<AutoChecks.AutoCheck> checks = AutoChecks.compute(form, SchemeRules.day(e.occurredAt()), rules);
        jdbc.sql("""
                        insert into work_item (application_id, tracking_code, enterprise_name, enterprise_mb, applicant_email,
                            status, stage, enqueued_at, auto_checks, application, providers, last_sequence, updated_at)
                        values (:id, :code, :name, :mb, :email, :status, 'SCREENING', :at, cast(:checks as jsonb),
                            cast(:application as jsonb), cast(:providers as jsonb), :seq, :at)
                        on conflict (application_id) do nothing""")
                .param("id", e.applicationId()).param("code", submitted.trackingCode())
                .param("name", form.enterprise().name()).param("mb", form.enterprise().mb().value())
                .param("email", form.enterprise().contactEmail()).param("status", submitted.status().name()).param("at", at)
                .param("checks", json.writeValueAsString(checks)).param("application", json.writeValueAsString(form))
                .param("providers", json.writeValueAsString(form.providerCodes())).param("seq", e.sequence())
                .update();
    }
}
