package rs.greenvoucher.evaluation.decisions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.http.MyDecision;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of the decision table (the decision service writes it). */
@Component
record DecisionQueries(JdbcClient jdbc, JsonMapper json) {

    private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() {
    };

    /** One evaluator's decisions, newest first, at most 200. */
    List<MyDecision> mine(String me) {
        return jdbc.sql("""
                        select d.decision_id, d.application_id, w.tracking_code, w.enterprise_name, d.stage, d.kind, d.decided_at,
                               d.outcome, d.refusal_reason, d.body::text as body
                        from decision d left join work_item w on w.application_id = d.application_id
                        where d.decided_by = :me order by d.decided_at desc limit 200""")
                .param("me", me)
                .query((rs, n) -> {
                    EvaluationDecision sent = json.readValue(rs.getString("body"), EvaluationDecision.class);
                    return new MyDecision(rs.getObject("decision_id", UUID.class), rs.getObject("application_id", UUID.class),
                            rs.getString("tracking_code"), rs.getString("enterprise_name"), rs.getString("stage"), rs.getString("kind"),
                            rs.getTimestamp("decided_at").toInstant(), rs.getString("outcome"), rs.getString("refusal_reason"),
                            sent.outcome(), json.readValue(rs.getString("body"), MESSAGE));
                }).list();
    }
}
