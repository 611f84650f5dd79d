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
import rs.greenvoucher.api.http.WorkItem;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkQueue.class);
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
            logMove(writes, id, Stage.SCREENING);
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
        if (message instanceof DecisionMessage.InformationRequested asked) {
            asked(e, asked, at, writes);
            return;
        }
        if (message instanceof ApplicationMessage.InformationProvided replied) {
            replied(e, replied, at, writes);
            return;
        }
        if (message instanceof ApplicationMessage.InformationRequestExpired) {
            writes.write(id, """
                            update work_item set status = :status, stage = null, waiting_until = null, assignee = null,
                                assignee_name = null, claimed_at = null, pending_decision = null,
                                information = jsonb_set(information, '{-1,expired}', 'true'),
                                last_sequence = :seq, updated_at = :at where application_id = :id""",
                    new MapSqlParameterSource("status", message.status().name()).addValue("seq", e.sequence())
                            .addValue("at", at).addValue("id", id));
            return;
        }
        if (message instanceof ApplicationMessage.CorrectionProposed || message instanceof ApplicationMessage.CorrectionDeclined
                || message instanceof ApplicationMessage.DocumentAttached || message instanceof ApplicationMessage.ReplyReminderDue
                || message instanceof rs.greenvoucher.api.kafka.PaymentMessage
                || message instanceof DecisionMessage.DecisionCorrected corrected && !corrected.reinstates()) {
            // nothing moves yet: a proposal waits for a second ADMIN; a correction that rejects is followed by the rejection;
            // a document, an invoice and the payments are read from core when an evaluator opens the item
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
        logMove(writes, id, next);
    }

    /** One line per item that enters a stage or leaves the queue, as it happens (not during a rebuild). */
    private static void logMove(QueueWrites writes, UUID id, Stage stage) {
        if (writes instanceof QueueWrites.Now) {
            log.info(stage == null ? "Application {} left the queue" : "Application {} is in the queue for {}", id, stage);
        }
    }

    /**
     * D3: the item stays at its stage, claimed by the evaluator who asked, but leaves the active queue until the reply
     * (or the expiry) comes; the request is kept for the console.
     */
    private void asked(EventEnvelope e, DecisionMessage.InformationRequested asked, Timestamp at, QueueWrites writes) {
        String exchange = json.writeValueAsString(new WorkItem.InformationExchange(asked.decisionId(), asked.stage(),
                asked.message(), asked.documentKinds(), asked.fields(), asked.replyBy(), asked.decidedBy(), asked.occurredAt(),
                null, null, null, false));
        writes.write(e.applicationId(), """
                        update work_item set status = :status, waiting_until = :until, pending_decision = null, last_refusal = null,
                            information = information || jsonb_build_array(cast(:exchange as jsonb)),
                            last_sequence = :seq, updated_at = :at where application_id = :id""",
                new MapSqlParameterSource("status", asked.status().name()).addValue("until", asked.replyBy())
                        .addValue("exchange", exchange).addValue("seq", e.sequence()).addValue("at", at)
                        .addValue("id", e.applicationId()));
        writes.write(asked.decisionId(), "update decision set outcome = 'APPLIED' where decision_id = :d",
                new MapSqlParameterSource("d", asked.decisionId()));
    }

    /**
     * The reply: back in the active queue at the same stage and in its old place, claimed by the evaluator who asked;
     * changed figures change the form and its auto-checks.
     */
    private void replied(EventEnvelope e, ApplicationMessage.InformationProvided replied, Timestamp at, QueueWrites writes) {
        UUID id = e.applicationId();
        Map<String, Object> reply = new java.util.LinkedHashMap<>();
        reply.put("reply", replied.reply());
        reply.put("changedFields", replied.changedFields());
        reply.put("repliedAt", replied.occurredAt().toString());
        MapSqlParameterSource params = new MapSqlParameterSource("status", replied.status().name())
                .addValue("reply", json.writeValueAsString(reply)).addValue("asker", replied.returnedTo())
                .addValue("seq", e.sequence()).addValue("at", at).addValue("id", id)
                .addValue("form", null, Types.VARCHAR).addValue("checks", null, Types.VARCHAR);
        if (replied.form() != null) {
            String basis = writes.checksBasis(id);
            JsonNode rules = basis == null ? null : json.readTree(basis);
            MoneyLimits limits = rules == null || rules.path("limits").isNull() || rules.path("limits").isMissingNode()
                    ? SchemeRules.FIRST_CALL_MONEY : json.treeToValue(rules.get("limits"), MoneyLimits.class);
            java.time.LocalDate submittedOn = rules == null || !rules.hasNonNull("submittedOn") ? SchemeRules.day(e.occurredAt())
                    : java.time.LocalDate.parse(rules.get("submittedOn").asString());
            params.addValue("form", json.writeValueAsString(replied.form()))
                    .addValue("checks", json.writeValueAsString(AutoChecks.compute(replied.form(), submittedOn, limits)));
        }
        writes.write(id, """
                        update work_item set status = :status, waiting_until = null,
                            assignee = :asker, assignee_name = case when assignee = :asker then assignee_name else null end,
                            claimed_at = coalesce(claimed_at, :at),
                            information = jsonb_set(information, '{-1}', information -> -1 || cast(:reply as jsonb)),
                            application = coalesce(cast(:form as jsonb), application),
                            auto_checks = coalesce(cast(:checks as jsonb), auto_checks),
                            last_sequence = :seq, updated_at = :at where application_id = :id""", params);
    }

    /** The item's copy of the application loses its personal data, as the events on the topic have (docs/adr/0011). */
    private void erase(EventEnvelope e, QueueWrites writes) {
        keys.forget(e.applicationId().toString());
        JsonNode form = json.readTree(writes.application(e.applicationId()));
        PersonalJson.erase(form, PersonalData.FORM);
        writes.write(e.applicationId(), """
                        update work_item set enterprise_name = :erased, applicant_email = null, application = cast(:form as jsonb),
                            information = (select coalesce(jsonb_agg(case when x->>'reply' is null then x
                                                                         else jsonb_set(x, '{reply}', to_jsonb(cast(:erased as text))) end
                                                                     order by n), '[]'::jsonb)
                                           from jsonb_array_elements(information) with ordinality as t(x, n))
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
                            status, stage, enqueued_at, auto_checks, application, providers, money_rules, last_sequence, updated_at)
                        values (:id, :code, :name, :mb, :email, :status, 'SCREENING', :at, cast(:checks as jsonb),
                            cast(:application as jsonb), cast(:providers as jsonb), cast(:basis as jsonb), :seq, :at)
                        on conflict (application_id) do nothing""",
                new MapSqlParameterSource("id", e.applicationId()).addValue("code", submitted.trackingCode())
                        .addValue("name", form.enterprise().name()).addValue("mb", form.enterprise().mb().value())
                        .addValue("email", form.enterprise().contactEmail()).addValue("status", submitted.status().name())
                        .addValue("at", at).addValue("checks", json.writeValueAsString(checks))
                        .addValue("application", json.writeValueAsString(form))
                        .addValue("providers", json.writeValueAsString(form.providerCodes())).addValue("seq", e.sequence())
                        .addValue("basis", json.writeValueAsString(Map.of("limits", rules,
                                "submittedOn", SchemeRules.day(e.occurredAt()).toString()))));
    }
}
