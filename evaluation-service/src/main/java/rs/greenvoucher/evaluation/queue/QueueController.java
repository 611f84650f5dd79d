package rs.greenvoucher.evaluation.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Work queue")
class QueueController {

    private static final String ITEM = """
            select w.*, d.decided_at as pending_since from work_item w
            left join decision d on d.decision_id = w.pending_decision where w.application_id = :id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final java.time.Clock clock;
    private final java.time.Duration stuckAfter;

    QueueController(JdbcClient jdbc, JsonMapper json, java.time.Clock clock,
                    @org.springframework.beans.factory.annotation.Value("${gv-evaluation.pending-stuck-after:PT2M}") java.time.Duration stuckAfter) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    /** Null where nothing is: no one has claimed it, no decision is pending, none was refused. */
    record QueueItem(UUID applicationId, String trackingCode, Stage stage, Instant enqueuedAt,
                     @Schema(types = {"string", "null"}) String assignee,
                     @Schema(types = {"string", "null"}) String assigneeName, String enterpriseName, String status,
                     @Schema(types = {"array", "null"}, description = "the auto-checks: rule, passed, detail") JsonNode autoChecks,
                     @Schema(types = {"string", "null"}, format = "uuid") UUID pendingDecision,
                     @Schema(types = {"string", "null"}, format = "date-time") Instant pendingSince, boolean pendingStuck,
                     @Schema(types = {"object", "null"}, description = "the last refused decision: code, reason, at") JsonNode lastRefusal) {
    }

    @GetMapping(path = "/api/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Work waiting for evaluators, oldest first (EVALUATOR, ADMIN)")
    List<QueueItem> queue(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String assignee,
                          JwtAuthenticationToken auth) {
        if (assignee != null && !assignee.equals("me") && !assignee.equals("unassigned")) {
            throw ApiException.validation("assignee", "must be me or unassigned");
        }
        return jdbc.sql("""
                        select w.*, d.decided_at as pending_since from work_item w
                        left join decision d on d.decision_id = w.pending_decision where w.stage is not null
                          and (cast(:stage as varchar) is null or w.stage = :stage)
                          and (cast(:mode as varchar) is null
                               or (:mode = 'me' and w.assignee = :me)
                               or (:mode = 'unassigned' and w.assignee is null))
                        order by w.enqueued_at, w.application_id limit 500""")
                .param("stage", stage == null ? null : stage.name()).param("mode", assignee).param("me", auth.getName())
                .query(this::toItem).list();
    }

    @GetMapping(path = "/api/work-items/{applicationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One work item with the application as submitted and the decisions taken on it")
    Map<String, Object> item(@PathVariable UUID applicationId) {
        Map<String, Object> row = jdbc.sql(ITEM).param("id", applicationId)
                .query((rs, n) -> Map.<String, Object>of("item", toItem(rs, n),
                        "application", json.readTree(rs.getString("application")),
                        "providerCodes", json.readTree(rs.getString("providers"))))
                .optional().orElseThrow(ApiException::notFound);
        List<Map<String, Object>> decisions = jdbc.sql("""
                        select decision_id, stage, kind, decided_by, decided_by_name, decided_at, outcome, refusal_reason
                        from decision where application_id = :id order by decided_at""")
                .param("id", applicationId).query().listOfRows();
        return Map.of("item", row.get("item"), "application", row.get("application"), "providerCodes", row.get("providerCodes"),
                "decisions", decisions);
    }

    @PostMapping("/api/work-items/{applicationId}/claim")
    @Transactional
    @Operation(summary = "Claim an item: one evaluator per item (409 ALREADY_CLAIMED)")
    QueueItem claim(@PathVariable UUID applicationId, JwtAuthenticationToken auth) {
        int claimed = jdbc.sql("""
                        update work_item set assignee = :me, assignee_name = :name, claimed_at = now()
                        where application_id = :id and stage is not null and (assignee is null or assignee = :me)""")
                .param("me", auth.getName()).param("name", displayName(auth)).param("id", applicationId).update();
        if (claimed == 0) {
            QueueItem current = find(applicationId);
            if (current.stage() == null) {
                throw new ApiException(HttpStatus.CONFLICT, "INVALID_TRANSITION", "Nothing to do on this application now.");
            }
            throw alreadyClaimed(current);
        }
        return find(applicationId);
    }

    @PostMapping("/api/work-items/{applicationId}/release")
    @Transactional
    @Operation(summary = "Give a claimed item back to the queue")
    QueueItem release(@PathVariable UUID applicationId, JwtAuthenticationToken auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        int released = jdbc.sql("""
                        update work_item set assignee = null, assignee_name = null, claimed_at = null
                        where application_id = :id and (assignee = :me or (:admin and assignee is not null))""")
                .param("id", applicationId).param("me", auth.getName()).param("admin", admin).update();
        QueueItem current = find(applicationId);
        if (released == 0 && current.assignee() != null) {
            throw alreadyClaimed(current);
        }
        return current;
    }

    static ApiException alreadyClaimed(QueueItem item) {
        return new ApiException(HttpStatus.CONFLICT, "ALREADY_CLAIMED",
                "This item is claimed by " + (item.assigneeName() == null ? "another evaluator" : item.assigneeName()) + ".");
    }

    static String displayName(JwtAuthenticationToken auth) {
        Object name = auth.getToken().getClaims().get("name");
        return name == null ? auth.getName() : name.toString();
    }

    QueueItem find(UUID applicationId) {
        return jdbc.sql(ITEM).param("id", applicationId)
                .query(this::toItem).optional().orElseThrow(ApiException::notFound);
    }

    QueueItem toItem(ResultSet rs, int row) throws SQLException {
        String stage = rs.getString("stage");
        String refusal = rs.getString("last_refusal");
        Instant pendingSince = rs.getTimestamp("pending_since") == null ? null : rs.getTimestamp("pending_since").toInstant();
        return new QueueItem(rs.getObject("application_id", UUID.class), rs.getString("tracking_code"),
                stage == null ? null : Stage.valueOf(stage),
                rs.getTimestamp("enqueued_at") == null ? null : rs.getTimestamp("enqueued_at").toInstant(),
                rs.getString("assignee"), rs.getString("assignee_name"), rs.getString("enterprise_name"), rs.getString("status"),
                json.readTree(rs.getString("auto_checks")), rs.getObject("pending_decision", UUID.class), pendingSince,
                pendingSince != null && pendingSince.plus(stuckAfter).isBefore(clock.instant()),
                refusal == null ? null : json.readTree(refusal));
    }
}
