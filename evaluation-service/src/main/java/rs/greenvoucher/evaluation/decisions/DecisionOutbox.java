package rs.greenvoucher.evaluation.decisions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.platform.faults.Transience;
import rs.greenvoucher.platform.tracing.Traces;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends stored decisions to {@code gv.evaluation.decisions} (key = application id) and marks them sent, row by row.
 * Kafka down: nothing is marked, the round stops, the next one tries again. A decision Kafka refuses for good (a record
 * too large) can never be sent: it is refused here, with the reason, on the decision and on its work item, so the
 * evaluator sees it and decides again; any other failure backs off on its own row while the others flow.
 * "Skip locked" lets several instances share the work. Core applies each decision id at most once, so a decision sent
 * twice (crash after send) is harmless.
 */
@Component
class DecisionOutbox {

    private static final Logger log = LoggerFactory.getLogger(DecisionOutbox.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Clock clock;

    DecisionOutbox(JdbcClient jdbc, KafkaTemplate<String, String> kafka, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    record Pending(UUID decisionId, UUID applicationId, String body, int attempts, String traceparent) {
    }

    @Scheduled(fixedDelayString = "${gv-evaluation.outbox-interval:PT0.2S}")
    @Transactional
    public int publish() throws InterruptedException {
        Instant now = clock.instant();
        List<Pending> pending = jdbc.sql("""
                        select decision_id, application_id, body::text as body, attempts, traceparent from decision
                        where published_at is null and outcome = 'PENDING' and coalesce(next_attempt_at, decided_at) <= :now
                        order by coalesce(next_attempt_at, decided_at) limit 100 for update skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Pending(rs.getObject("decision_id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("body"), rs.getInt("attempts"), rs.getString("traceparent"))).list();
        int sent = 0;
        for (Pending p : pending) {
            try {
                kafka.send(Traces.record(Topics.EVALUATION_DECISIONS, p.applicationId().toString(), p.body(), p.traceparent()))
                        .get(15, TimeUnit.SECONDS);
                jdbc.sql("update decision set published_at = :now, attempts = attempts + 1, last_error = null where decision_id = :id")
                        .param("now", Timestamp.from(now)).param("id", p.decisionId()).update();
                sent++;
            } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (Transience.isTransient(cause)) {
                    log.warn("Kafka unavailable, {} decision(s) wait for the next round: {}", pending.size() - sent, cause.toString());
                    return sent;
                }
                if (cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                        || cause instanceof org.apache.kafka.common.InvalidRecordException) {
                    refuse(p, "Kafka cannot carry this decision (" + cause.getClass().getSimpleName() + ").", now);
                } else {
                    backOff(p, cause, now);
                }
            }
        }
        return sent;
    }

    private void backOff(Pending p, Throwable cause, Instant now) {
        Duration wait = Duration.ofSeconds(Math.min(600, 1L << Math.min(p.attempts(), 10)));
        log.warn("Decision {} not sent (attempt {}), next in {}: {}", p.decisionId(), p.attempts() + 1, wait, cause.toString());
        jdbc.sql("update decision set attempts = attempts + 1, next_attempt_at = :next, last_error = :error where decision_id = :id")
                .param("next", Timestamp.from(now.plus(wait))).param("error", abbreviate(cause.toString()))
                .param("id", p.decisionId()).update();
    }

    private void refuse(Pending p, String reason, Instant now) {
        log.error("Decision {} on {} can never be sent: {}", p.decisionId(), p.applicationId(), reason);
        jdbc.sql("""
                        update decision set outcome = 'REFUSED', refusal_reason = :reason, attempts = attempts + 1,
                            last_error = :reason where decision_id = :id""")
                .param("reason", "NOT_SENT: " + reason).param("id", p.decisionId()).update();
        String refusal = json.writeValueAsString(Map.of("decisionId", p.decisionId().toString(), "code", "NOT_SENT",
                "reason", reason, "at", now.toString()));
        jdbc.sql("""
                        update work_item set last_refusal = cast(:refusal as jsonb), pending_decision = null
                        where application_id = :app and pending_decision = :id""")
                .param("refusal", refusal).param("app", p.applicationId()).param("id", p.decisionId()).update();
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
