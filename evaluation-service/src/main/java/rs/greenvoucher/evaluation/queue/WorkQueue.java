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
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.platform.privacy.KafkaKeyRing;
import rs.greenvoucher.platform.jdbc.StatementWaves;
import rs.greenvoucher.platform.privacy.PersonalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The work queue's writes. Each event is applied once (processed_event, same transaction) and only if it is newer
 * than what the item has seen (per-application sequence), so redeliveries and replays change nothing.
 * <p>
 * The consumer's statements run at once ({@link #apply(EventEnvelope)}); a rebuild from the topic ({@link QueueRebuild})
 * applies the same rules with the items' sequences in memory and its statements sent in waves of JDBC batches
 * ({@link Rebuilding}), because it starts from empty tables it has locked.
 */
@Component
public class WorkQueue {

    private static final String PROCESSED =
            "insert into processed_event (event_id, processed_at) values (:id, now()) on conflict do nothing";
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

    /**
     * Where an event's statements go and where an item's last sequence is read: the database now, or a rebuild's memory.
     * A statement's key is the UUID of the row it changes (an application's item, a decision, an event): never equal.
     */
    private interface Writes {

        /** Records the event as processed; false if it was already. */
        boolean firstTime(UUID eventId);

        /** The last sequence the item has applied (locked for this transaction); null if there is no item. */
        Long lastSequence(UUID applicationId);

        /** The item has applied this event (or, for a submission, has it if it had none). */
        void applied(UUID applicationId, long sequence, boolean submitted);

        void write(Object key, String sql, MapSqlParameterSource params);

        /** The item's copy of the application as stored now. */
        String application(UUID applicationId);
    }

    @Transactional
    public void apply(EventEnvelope e) {
        apply(e, new Writes() {
            @Override
            public boolean firstTime(UUID eventId) {
                return jdbc.sql(PROCESSED).param("id", eventId).update() == 1;
            }

            @Override
            public Long lastSequence(UUID applicationId) {
                return jdbc.sql("select last_sequence from work_item where application_id = :id for update")
                        .param("id", applicationId).query(Long.class).optional().orElse(null);
            }

            @Override
            public void applied(UUID applicationId, long sequence, boolean submitted) {
                // the statements themselves set last_sequence
            }

            @Override
            public void write(Object key, String sql, MapSqlParameterSource params) {
                named.update(sql, params);
            }

            @Override
            public String application(UUID applicationId) {
                return storedApplication(applicationId);
            }
        });
    }

    /**
     * A rebuild's writes: the items' sequences in memory (the rebuild locked the emptied tables, nothing else writes),
     * the statements kept and sent in waves every {@link #SEND_EVERY} statements and at the end. Redelivered events
     * are told apart by their sequence, as in {@link #apply(EventEnvelope)}; each is still recorded as processed.
     */
    final class Rebuilding implements Writes {

        static final int SEND_EVERY = 5_000;

        private final Map<UUID, Long> sequences = new HashMap<>();
        private final StatementWaves waves = new StatementWaves();

        void apply(EventEnvelope e) {
            WorkQueue.this.apply(e, this);
            if (waves.size() >= SEND_EVERY) {
                send();
            }
        }

        void send() {
            waves.send(named);
        }

        @Override
        public boolean firstTime(UUID eventId) {
            waves.add(eventId, PROCESSED, new MapSqlParameterSource("id", eventId));
            return true;
        }

        @Override
        public Long lastSequence(UUID applicationId) {
            return sequences.get(applicationId);
        }

        @Override
        public void applied(UUID applicationId, long sequence, boolean submitted) {
            if (submitted) {
                sequences.putIfAbsent(applicationId, sequence);
            } else {
                sequences.put(applicationId, sequence);
            }
        }

        @Override
        public void write(Object key, String sql, MapSqlParameterSource params) {
            waves.add(key, sql, params);
        }

        @Override
        public String application(UUID applicationId) {
            send();
            return storedApplication(applicationId);
        }
    }

    Rebuilding rebuilding() {
        return new Rebuilding();
    }

    private void apply(EventEnvelope e, Writes writes) {
        ApplicationMessage message = EventEnvelopes.message(json, e, keys::find);
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
                || message instanceof ApplicationMessage.DecisionCorrected corrected && !corrected.reinstates()) {
            // nothing moves yet: a proposal waits for a second ADMIN; a correction that rejects is followed by the rejection
            writes.write(id, "update work_item set last_sequence = :seq where application_id = :id",
                    new MapSqlParameterSource("seq", e.sequence()).addValue("id", id));
            return;
        }
        if (message instanceof ApplicationMessage.DecisionRefused refused) {
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
        String providers = message instanceof ApplicationMessage.ProvidersMatched matched
                ? json.writeValueAsString(matched.providerCodes()) : null;
        Stage next = nextStage(message);
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
        if (message instanceof ApplicationMessage.FromDecision decided && decided.decisionId() != null) {
            writes.write(decided.decisionId(), "update decision set outcome = 'APPLIED' where decision_id = :d",
                    new MapSqlParameterSource("d", decided.decisionId()));
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
    private void erase(EventEnvelope e, Writes writes) {
        keys.forget(e.applicationId().toString());
        JsonNode form = json.readTree(writes.application(e.applicationId()));
        PersonalJson.erase(form, PersonalData.FORM);
        writes.write(e.applicationId(), """
                        update work_item set enterprise_name = :erased, applicant_email = null, application = cast(:form as jsonb)
                        where application_id = :id""",
                new MapSqlParameterSource("erased", SealedText.ERASED).addValue("form", json.writeValueAsString(form))
                        .addValue("id", e.applicationId()));
    }

    private String storedApplication(UUID applicationId) {
        return jdbc.sql("select application::text from work_item where application_id = :id")
                .param("id", applicationId).query(String.class).single();
    }

    private void submitted(EventEnvelope e, ApplicationMessage.ApplicationSubmitted submitted, Timestamp at, Writes writes) {
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
