package rs.greenvoucher.evaluation.queue;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.kafka.KafkaKeyRing;
import rs.greenvoucher.platform.privacy.PersonalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The work queue's writes. Each event is applied once (processed_event, same transaction) and only if it is newer
 * than what the item has seen (per-application sequence), so redeliveries and replays change nothing.
 * <p>
 * The consumer's statements run at once ({@link #apply(EventEnvelope)}); a rebuild from the topic ({@link QueueRebuild})
 * applies the same rules, the sequences in memory and its statements in waves of JDBC batches, on empty locked tables.
 */
@Component
public class WorkQueue {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;
    private final KafkaKeyRing keys;

    WorkQueue(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, KafkaKeyRing keys) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
        this.keys = keys;
    }

    /** The consumer's writes: each statement at once, in the poll's transaction. */
    @Transactional
    public void apply(EventEnvelope e) {
        apply(e, new QueueWrites.Now(jdbc, named));
    }

    /** A rebuild's writes from empty, locked tables: sequences in memory, statements in waves. */
    QueueWrites.Rebuilding rebuilding() {
        return new QueueWrites.Rebuilding(named, jdbc, this::apply);
    }

    private void apply(EventEnvelope e, QueueWrites writes) {
        ApplicationMessage message = e.payload();
        if (!writes.firstTime(e.eventId())) {
            return;
        }
        Timestamp at = Timestamp.from(e.occurredAt());
        UUID id = e.applicationId();
        if (message instanceof ApplicationMessage.ApplicationSubmitted submitted) {
            submitted(e, submitted, at, writes);
            writes.applied(id, e.sequence(), true);
            return;
        }
        Long last = writes.lastSequence(id);
        if (last == null || e.sequence() <= last) {
            return; // an item we never had, or an event older than what the item shows
        }
        writes.applied(id, e.sequence(), false);
        if (message instanceof ApplicationMessage.PersonalDataErased) {
            erase(e, writes);
        }
        if (message instanceof ApplicationMessage.CorrectionProposed || message instanceof ApplicationMessage.CorrectionDeclined
                || message instanceof ApplicationMessage.DocumentAttached
                || message instanceof DecisionMessage.DecisionCorrected corrected && !corrected.reinstates()) {
            // nothing moves yet: a proposal waits for a second ADMIN; a correction that rejects is followed by the rejection;
            // a document is read from core when an evaluator opens the item
            writes.write(id, "update work_item set last_sequence = :seq where application_id = :id",
                    new MapSqlParameterSource("seq", e.sequence()).addValue("id", id));
            return;
        }
        if (message instanceof DecisionMessage.DecisionRefused refused) {
            String refusal = json.writeValueAsString(Map.of("decisionId", String.valueOf(refused.decisionId()),
                    "code", String.valueOf(refused.code()), "reason", String.valueOf(refused.reason()), "at", e.occurredAt().toString()));
            writes.write(id, """
                            update work_item set last_refusal = cast(:refusal as jsonb), pending_decision = null,
                                last_sequence = :seq, updated_at = :at where application_id = :id""",
                    new MapSqlParameterSource("refusal", refusal).addValue("seq", e.sequence()).addValue("at", at).addValue("id", id));
            writes.write(refused.decisionId(), "update decision set outcome = 'REFUSED', refusal_reason = :reason where decision_id = :d",
                    new MapSqlParameterSource("reason", refused.code() + ": " + refused.reason()).addValue("d", refused.decisionId()));
            return;
        }
        String providers = message instanceof DecisionMessage.ProvidersMatched matched
                ? json.writeValueAsString(matched.providerCodes()) : null;
        Stage next = NextStage.after(message);
        // a new stage starts unclaimed; a finished application leaves the queue
        writes.write(id, """
                        update work_item set status = :status, stage = :stage,
                            enqueued_at = case when cast(:stage as varchar) is null then enqueued_at else :at end,
                            assignee = null, assignee_name = null, claimed_at = null, pending_decision = null,
                            providers = coalesce(cast(:providers as jsonb), providers),
                            last_sequence = :seq, updated_at = :at
                        where application_id = :id""",
                new MapSqlParameterSource("status", message.status().name())
                        .addValue("stage", next == null ? null : next.name(), Types.VARCHAR).addValue("at", at)
                        .addValue("providers", providers, Types.VARCHAR).addValue("seq", e.sequence()).addValue("id", id));
        if (message instanceof DecisionMessage decided && decided.decisionId() != null) {
            writes.write(decided.decisionId(), "update decision set outcome = 'APPLIED' where decision_id = :d",
                    new MapSqlParameterSource("d", decided.decisionId()));
        }
    }

    /** The item's copy of the application loses its personal data, as the events on the topic have (docs/adr/0011). */
    private void erase(EventEnvelope e, QueueWrites writes) {
        keys.forget(e.applicationId().toString());
        JsonNode form = json.readTree(writes.application(e.applicationId()));
        PersonalJson.erase(form, PersonalData.FORM);
        writes.write(e.applicationId(), """
                        update work_item set enterprise_name = :erased, applicant_email = null, application = cast(:form as jsonb)
                        where application_id = :id""",
                new MapSqlParameterSource("erased", SealedText.ERASED).addValue("form", json.writeValueAsString(form))
                        .addValue("id", e.applicationId()));
    }

    private void submitted(EventEnvelope e, ApplicationMessage.ApplicationSubmitted submitted, Timestamp at, QueueWrites writes) {
        ApplicationForm form = submitted.form();
        MoneyLimits rules = submitted.callParameters() == null ? SchemeRules.FIRST_CALL_MONEY
                : submitted.callParameters().moneyLimits();
        List<AutoChecks.AutoCheck> checks = AutoChecks.compute(form, SchemeRules.day(e.occurredAt()), rules);
        writes.write(e.applicationId(), """
                        insert into work_item (application_id, tracking_code, enterprise_name, enterprise_mb, applicant_email,
                            status, stage, enqueued_at, auto_checks, application, providers, last_sequence, updated_at)
                        values (:id, :code, :name, :mb, :email, :status, 'SCREENING', :at, cast(:checks as jsonb),
                            cast(:application as jsonb), cast(:providers as jsonb), :seq, :at)
                        on conflict (application_id) do nothing""",
                new MapSqlParameterSource("id", e.applicationId()).addValue("code", submitted.trackingCode())
                        .addValue("name", form.enterprise().name()).addValue("mb", form.enterprise().mb().value())
                        .addValue("email", form.enterprise().contactEmail()).addValue("status", submitted.status().name())
                        .addValue("at", at).addValue("checks", json.writeValueAsString(checks))
                        .addValue("application", json.writeValueAsString(form))
                        .addValue("providers", json.writeValueAsString(form.providerCodes())).addValue("seq", e.sequence()));
    }
}
