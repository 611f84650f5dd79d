package rs.greenvoucher.evaluation.decisions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.evaluation.Decision;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Takes a decision on a work item: in one transaction it checks the stage and the claim (the item's row is locked),
 * stores the decision with who, when and why, and marks the item as waiting for core. The decision table is the
 * outbox: DecisionOutbox sends it to Kafka right after, and again until Kafka has it. A decision core has neither
 * applied nor refused within {@code gv-evaluation.pending-stuck-after} is stuck: the evaluator who took it, or an
 * ADMIN, can send it again or withdraw it (before that bound both are refused with 409).
 */
@Service
class DecisionService {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean fourEyes;
    private final Duration stuckAfter;

    private final rs.greenvoucher.platform.tracing.Traces traces;

    DecisionService(JdbcClient jdbc, JsonMapper json, Clock clock,
                    @Value("${gv-evaluation.four-eyes:true}") boolean fourEyes,
                    @Value("${gv-evaluation.pending-stuck-after:PT2M}") Duration stuckAfter,
                    rs.greenvoucher.platform.tracing.Traces traces) {
        this.traces = traces;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.fourEyes = fourEyes;
        this.stuckAfter = stuckAfter;
    }

    record Item(Stage stage, String assignee, UUID pendingDecision, java.time.LocalDate waitingUntil) {
    }

    @Transactional
    public UUID take(UUID applicationId, String kind, JwtAuthenticationToken auth, Decision decision) {
        Stage expected = decision.stage();
        Item item = jdbc.sql("select stage, assignee, pending_decision, waiting_until from work_item where application_id = :id for update")
                .param("id", applicationId)
                .query((rs, n) -> new Item(rs.getString("stage") == null ? null : Stage.valueOf(rs.getString("stage")),
                        rs.getString("assignee"), rs.getObject("pending_decision", UUID.class),
                        rs.getObject("waiting_until", java.time.LocalDate.class)))
                .optional().orElseThrow(Refusal::notFound);
        if (item.stage() != expected) {
            throw new Refusal(RefusalCode.INVALID_TRANSITION, "The application is not at "
                    + expected + " but at " + (item.stage() == null ? "no evaluation stage" : item.stage().name()) + ".");
        }
        if (item.waitingUntil() != null) {
            throw new Refusal(RefusalCode.INVALID_TRANSITION, "The application waits for the applicant's reply until "
                    + item.waitingUntil() + "; decide when it comes back.");
        }
        if (item.pendingDecision() != null) {
            // not a wrong transition: someone (or another tab) decided this a moment ago
            throw new Refusal(RefusalCode.CHANGED_MEANWHILE,
                    "Decision " + item.pendingDecision() + " on this stage was taken a moment ago and is waiting to be applied; reload.");
        }
        String me = auth.getName();
        if (item.assignee() == null) {
            throw new Refusal(RefusalCode.NOT_CLAIMED, "Claim this item before deciding on it.");
        }
        if (!item.assignee().equals(me)) {
            throw new Refusal(RefusalCode.ALREADY_CLAIMED, "This item is claimed by another evaluator.");
        }
        if (fourEyes) {
            FourEyes.check(expected, me, appliedDeciders(applicationId));
        }
        Instant now = clock.instant();
        UUID decisionId = UUID.randomUUID();
        EvaluationDecision taken = EvaluationDecision.of(decisionId, applicationId, decision, me, now);
        Object name = auth.getToken().getClaims().get("name");
        jdbc.sql("""
                        insert into decision (decision_id, application_id, stage, kind, body, decided_by, decided_by_name, decided_at,
                            traceparent)
                        values (:id, :app, :stage, :kind, cast(:body as jsonb), :by, :byName, :at, :trace)""")
                .param("trace", traces.current()) // the decision goes to core in the trace of the evaluator's request
                .param("id", decisionId).param("app", applicationId).param("stage", expected.name()).param("kind", kind)
                .param("body", json.writeValueAsString(taken)).param("by", me).param("byName", name == null ? me : name.toString())
                .param("at", Timestamp.from(now)).update();
        jdbc.sql("""
                        update work_item set pending_decision = :d, last_refusal = null, assignee = :me,
                            claimed_at = coalesce(claimed_at, :at) where application_id = :id""")
                .param("d", decisionId).param("me", me).param("at", Timestamp.from(now)).param("id", applicationId).update();
        return decisionId;
    }

    /** A stuck decision goes to core again (core drops it if it had it already); its id. */
    @Transactional
    public UUID resendStuck(UUID applicationId, JwtAuthenticationToken auth) {
        Stuck stuck = stuck(applicationId, auth);
        jdbc.sql("update decision set published_at = null, next_attempt_at = null where decision_id = :id")
                .param("id", stuck.decisionId()).update();
        return stuck.decisionId();
    }

    /** A stuck decision is withdrawn and the item can be decided again; its id. */
    @Transactional
    public UUID withdrawStuck(UUID applicationId, JwtAuthenticationToken auth) {
        Stuck stuck = stuck(applicationId, auth);
        jdbc.sql("update decision set outcome = 'WITHDRAWN', refusal_reason = :why where decision_id = :id and outcome = 'PENDING'")
                .param("why", "withdrawn by " + auth.getName() + " after it stayed pending").param("id", stuck.decisionId()).update();
        jdbc.sql("update work_item set pending_decision = null where application_id = :app and pending_decision = :id")
                .param("app", applicationId).param("id", stuck.decisionId()).update();
        return stuck.decisionId();
    }

    private record Stuck(UUID decisionId, String decidedBy) {
    }

    private Stuck stuck(UUID applicationId, JwtAuthenticationToken auth) {
        Map<String, Object> row = jdbc.sql("""
                        select d.decision_id, d.decided_by, d.decided_at from work_item w
                        join decision d on d.decision_id = w.pending_decision
                        where w.application_id = :id for update of w""")
                .param("id", applicationId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new Refusal(RefusalCode.NO_PENDING_DECISION, "No decision is waiting on this item."));
        Instant decidedAt = ((Timestamp) row.get("decided_at")).toInstant();
        if (decidedAt.plus(stuckAfter).isAfter(clock.instant())) {
            throw new Refusal(RefusalCode.DECISION_NOT_STUCK,
                    "The decision was taken less than " + stuckAfter.toMinutes() + " minutes ago; core is still applying it.");
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!admin && !auth.getName().equals(row.get("decided_by"))) {
            throw new Refusal(RefusalCode.ALREADY_CLAIMED, "Only the evaluator who took the decision may do this.");
        }
        return new Stuck((UUID) row.get("decision_id"), (String) row.get("decided_by"));
    }

    /** Who took each stage's applied decisions on this application. */
    private java.util.Map<Stage, java.util.Set<String>> appliedDeciders(UUID applicationId) {
        java.util.Map<Stage, java.util.Set<String>> deciders = new java.util.EnumMap<>(Stage.class);
        // a request for more information decides nothing: it does not make its evaluator a decider of the stage
        jdbc.sql("select stage, decided_by from decision where application_id = :id and outcome = 'APPLIED' and kind <> 'INFORMATION_REQUEST'")
                .param("id", applicationId)
                .query((rs, n) -> deciders.computeIfAbsent(Stage.valueOf(rs.getString("stage")), s -> new java.util.HashSet<>())
                        .add(rs.getString("decided_by")))
                .list();
        return deciders;
    }
}
