package rs.greenvoucher.evaluation.queue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
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

    WorkQueue(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public void apply(EventEnvelope e) {
        int fresh = jdbc.sql("insert into processed_event (event_id, processed_at) values (:id, now()) on conflict do nothing")
                .param("id", e.eventId()).update();
        if (fresh == 0) {
            return;
        }
        JsonNode payload = json.valueToTree(e.payload());
        String status = payload.path("status").asString("");
        Timestamp at = Timestamp.from(e.occurredAt());
        if (e.type().equals("ApplicationSubmitted")) {
            submitted(e, payload, status, at);
            return;
        }
        Long last = jdbc.sql("select last_sequence from work_item where application_id = :id for update")
                .param("id", e.applicationId()).query(Long.class).optional().orElse(null);
        if (last == null || e.sequence() <= last) {
            return; // an item we never had, or an event older than what the item shows
        }
        Stage next = switch (e.type()) {
            case "ApplicationScreened" -> Stage.PROVIDER_MATCHING;
            case "ProvidersMatched" -> Stage.COMMITTEE;
            case "CompletionReported" -> Stage.COMPLETION_VERIFICATION;
            default -> null;
        };
        if (e.type().equals("DecisionRefused")) {
            String refusal = json.writeValueAsString(Map.of("decisionId", payload.path("decisionId").asString(),
                    "code", payload.path("code").asString(), "reason", payload.path("reason").asString(),
                    "at", e.occurredAt().toString()));
            jdbc.sql("""
                            update work_item set last_refusal = cast(:refusal as jsonb), pending_decision = null,
                                last_sequence = :seq, updated_at = :at where application_id = :id""")
                    .param("refusal", refusal).param("seq", e.sequence()).param("at", at).param("id", e.applicationId()).update();
            jdbc.sql("update decision set outcome = 'REFUSED', refusal_reason = :reason where decision_id = cast(:d as uuid)")
                    .param("reason", payload.path("code").asString() + ": " + payload.path("reason").asString())
                    .param("d", payload.path("decisionId").asString()).update();
            return;
        }
        String providers = e.type().equals("ProvidersMatched") ? json.writeValueAsString(payload.path("providerCodes")) : null;
        // a new stage starts unclaimed; a finished application leaves the queue
        jdbc.sql("""
                        update work_item set status = :status, stage = :stage,
                            enqueued_at = case when cast(:stage as varchar) is null then enqueued_at else :at end,
                            assignee = null, assignee_name = null, claimed_at = null, pending_decision = null,
                            providers = coalesce(cast(:providers as jsonb), providers),
                            last_sequence = :seq, updated_at = :at
                        where application_id = :id""")
                .param("status", status).param("stage", next == null ? null : next.name()).param("at", at)
                .param("providers", providers).param("seq", e.sequence()).param("id", e.applicationId()).update();
        if (payload.hasNonNull("decisionId")) {
            jdbc.sql("update decision set outcome = 'APPLIED' where decision_id = cast(:d as uuid)")
                    .param("d", payload.path("decisionId").asString()).update();
        }
    }

    private void submitted(EventEnvelope e, JsonNode payload, String status, Timestamp at) {
        ApplicationForm form;
        try {
            form = json.treeToValue(payload.path("form"), ApplicationForm.class);
        } catch (RuntimeException ex) {
            throw new PoisonMessageException("ApplicationSubmitted without a readable form: " + ex.getMessage(), ex);
        }
        JsonNode call = payload.path("callParameters");
        MoneyLimits rules = call.isObject()
                ? new MoneyLimits(Money.eur(decimal(call, "maxVoucherEur")), decimal(call, "maxSharePercent"),
                Money.eur(decimal(call, "minServiceCostEur")), decimal(call, "maxEquipmentSharePercent"))
                : SchemeRules.FIRST_CALL_MONEY;
        List<AutoChecks.AutoCheck> checks = AutoChecks.compute(form, SchemeRules.day(e.occurredAt()), rules);
        jdbc.sql("""
                        insert into work_item (application_id, tracking_code, enterprise_name, enterprise_mb, applicant_email,
                            status, stage, enqueued_at, auto_checks, application, providers, last_sequence, updated_at)
                        values (:id, :code, :name, :mb, :email, :status, 'SCREENING', :at, cast(:checks as jsonb),
                            cast(:application as jsonb), cast(:providers as jsonb), :seq, :at)
                        on conflict (application_id) do nothing""")
                .param("id", e.applicationId()).param("code", payload.path("trackingCode").asString())
                .param("name", form.enterprise().name()).param("mb", form.enterprise().mb().value())
                .param("email", form.enterprise().contactEmail()).param("status", status).param("at", at)
                .param("checks", json.writeValueAsString(checks)).param("application", json.writeValueAsString(form))
                .param("providers", json.writeValueAsString(form.providerCodes())).param("seq", e.sequence())
                .update();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asString());
    }
}
