package rs.greenvoucher.evaluation.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An evaluator's own history: the decisions they took and what became of each. */
@RestController
@Tag(name = "Decisions")
class MyDecisionsController {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MyDecisionsController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record MyDecision(UUID decisionId, UUID applicationId, String trackingCode, String enterpriseName, String stage,
                      String kind, Instant decidedAt, String outcome,
                      @Schema(types = {"string", "null"}) String refusalReason,
                      @Schema(description = "the decision as it was sent to core") JsonNode body) {
    }

    @GetMapping("/api/decisions/mine")
    @Operation(summary = "The caller's own decisions, newest first (at most 200)")
    List<MyDecision> mine(JwtAuthenticationToken auth) {
        return jdbc.sql("""
                        select d.decision_id, d.application_id, w.tracking_code, w.enterprise_name, d.stage, d.kind, d.decided_at,
                               d.outcome, d.refusal_reason, d.body::text as body
                        from decision d left join work_item w on w.application_id = d.application_id
                        where d.decided_by = :me order by d.decided_at desc limit 200""")
                .param("me", auth.getName())
                .query((rs, n) -> new MyDecision(rs.getObject("decision_id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("tracking_code"), rs.getString("enterprise_name"), rs.getString("stage"), rs.getString("kind"),
                        rs.getTimestamp("decided_at").toInstant(), rs.getString("outcome"), rs.getString("refusal_reason"),
                        json.readTree(rs.getString("body")))).list();
    }
}
