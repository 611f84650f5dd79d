package rs.greenvoucher.evaluation.decisions;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.evaluation.Decision;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.web.ApiException;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Takes a decision on a work item: in one transaction it checks the stage and the claim (the item's row is locked),
 * stores the decision with who, when and why, and marks the item as waiting for core. The decision table is the
 * outbox: DecisionOutbox sends it to Kafka right after, and again until Kafka has it.
 */
@Service
class DecisionService {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean fourEyes;

    DecisionService(JdbcClient jdbc, JsonMapper json, Clock clock,
                    @org.springframework.beans.factory.annotation.Value("${gv-evaluation.four-eyes:true}") boolean fourEyes) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.fourEyes = fourEyes;
    }

    record Item(Stage stage, String assignee, UUID pendingDecision) {
    }

    @Transactional
    public UUID take(UUID applicationId, String kind, JwtAuthenticationToken auth, Decision decision) {
        Stage expected = decision.stage();
        Item item = jdbc.sql("select stage, assignee, pending_decision from work_item where application_id = :id for update")
                .param("id", applicationId)
                .query((rs, n) -> new Item(rs.getString("stage") == null ? null : Stage.valueOf(rs.getString("stage")),
                        rs.getString("assignee"), rs.getObject("pending_decision", UUID.class)))
                .optional().orElseThrow(ApiException::notFound);
        if (item.stage() != expected) {
            throw new ApiException(HttpStatus.CONFLICT, "INVALID_TRANSITION", "The application is not at "
                    + expected + " but at " + (item.stage() == null ? "no evaluation stage" : item.stage().name()) + ".");
        }
        if (item.pendingDecision() != null) {
            throw new ApiException(HttpStatus.CONFLICT, "INVALID_TRANSITION",
                    "Decision " + item.pendingDecision() + " on this stage is waiting to be applied.");
        }
        String me = auth.getName();
        if (item.assignee() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_CLAIMED", "Claim this item before deciding on it.");
        }
        if (!item.assignee().equals(me)) {
            throw new ApiException(HttpStatus.CONFLICT, "ALREADY_CLAIMED", "This item is claimed by another evaluator.");
        }
        if (fourEyes) {
            FourEyes.check(expected, me, appliedDeciders(applicationId));
        }
        Instant now = clock.instant();
        UUID decisionId = UUID.randomUUID();
        EvaluationDecision taken = EvaluationDecision.of(decisionId, applicationId, decision, me, now);
        Object name = auth.getToken().getClaims().get("name");
        jdbc.sql("""
                        insert into decision (decision_id, application_id, stage, kind, body, decided_by, decided_by_name, decided_at)
                        values (:id, :app, :stage, :kind, cast(:body as jsonb), :by, :byName, :at)""")
                .param("id", decisionId).param("app", applicationId).param("stage", expected.name()).param("kind", kind)
                .param("body", json.writeValueAsString(taken)).param("by", me).param("byName", name == null ? me : name.toString())
                .param("at", Timestamp.from(now)).update();
        jdbc.sql("""
                        update work_item set pending_decision = :d, last_refusal = null, assignee = :me,
                            claimed_at = coalesce(claimed_at, :at) where application_id = :id""")
                .param("d", decisionId).param("me", me).param("at", Timestamp.from(now)).param("id", applicationId).update();
        return decisionId;
    }

    /** Who took each stage's applied decisions on this application. */
    private java.util.Map<Stage, java.util.Set<String>> appliedDeciders(UUID applicationId) {
        java.util.Map<Stage, java.util.Set<String>> deciders = new java.util.EnumMap<>(Stage.class);
        jdbc.sql("select stage, decided_by from decision where application_id = :id and outcome = 'APPLIED'")
                .param("id", applicationId)
                .query((rs, n) -> deciders.computeIfAbsent(Stage.valueOf(rs.getString("stage")), s -> new java.util.HashSet<>())
                        .add(rs.getString("decided_by")))
                .list();
        return deciders;
    }
}
