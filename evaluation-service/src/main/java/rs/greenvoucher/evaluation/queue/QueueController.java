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
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.web.ApiException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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

    /** Null where nothing is: no stage (nothing to do), no one has claimed it, no decision is pending, none was refused. */
    record QueueItem(UUID applicationId, String trackingCode,
                     @Schema(types = {"string", "null"}, description = "null once evaluators have nothing to do on it") Stage stage,
                     @Schema(types = {"string", "null"}, format = "date-time") Instant enqueuedAt,
                     @Schema(types = {"string", "null"}) String assignee,
                     @Schema(types = {"string", "null"}) String assigneeName,
                     @Schema(types = {"string", "null"}, format = "date-time") Instant claimedAt, String enterpriseName, String status,
                     @Schema(description = "the auto-checks computed at submission") List<AutoChecks.AutoCheck> autoChecks,
                     @Schema(types = {"string", "null"}, format = "uuid") UUID pendingDecision,
                     @Schema(types = {"string", "null"}, format = "date-time") Instant pendingSince, boolean pendingStuck,
                     @Schema(types = {"object", "null"}, description = "the last decision core refused, null when none was") LastRefusal lastRefusal) {
    }

    /** A decision core refused (or that could not be sent): its code (a rule code, or NOT_SENT, ...) and reason. */
    record LastRefusal(UUID decisionId, String code, String reason, Instant at) {
    }

    private static final TypeReference<List<AutoChecks.AutoCheck>> CHECKS = new TypeReference<>() {
    };

    @GetMapping(path = "/api/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Work waiting for evaluators, oldest first; q finds a tracking code or enterprise name (EVALUATOR, MANAGER, ADMIN)")
    List<QueueItem> queue(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String assignee,
                          @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "500") int limit,
                          JwtAuthenticationToken auth) {
        if (assignee != null && !assignee.equals("me") && !assignee.equals("unassigned")) {
            throw ApiException.validation("assignee", "must be me or unassigned");
        }
        if (q != null && q.length() > 100) {
            throw ApiException.validation("q", "at most 100 characters");
        }
        String like = q == null || q.isBlank() ? null : "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        if (offset < 0) {
            throw ApiException.validation("offset", "0 or more");
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.validation("limit", "1 to 500");
        }
        return jdbc.sql("""
                        select w.*, d.decided_at as pending_since from work_item w
                        left join decision d on d.decision_id = w.pending_decision where w.stage is not null
                          and (cast(:stage as varchar) is null or w.stage = :stage)
                          and (cast(:mode as varchar) is null
                               or (:mode = 'me' and w.assignee = :me)
                               or (:mode = 'unassigned' and w.assignee is null))
                          and (cast(:like as varchar) is null or w.tracking_code ilike :like or w.enterprise_name ilike :like)
                        order by w.enqueued_at, w.application_id offset :offset limit :limit""")
                .param("stage", stage == null ? null : stage.name()).param("mode", assignee).param("me", auth.getName())
                .param("like", like)
                .param("offset", offset).param("limit", limit)
                .query(this::toItem).list();
    }

    /** Open items of one stage: all, nobody's, the caller's; the oldest's entry time; open items by age in days. */
    record StageCount(Stage stage, long open, long unclaimed, long mine,
                      @Schema(types = {"string", "null"}, format = "date-time") Instant oldest,
                      long upToOneDay, long upToThreeDays, long upToSevenDays, long upToFourteenDays, long older) {
    }

    @GetMapping(path = "/api/queue/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How much work each stage has, and how old it is (EVALUATOR, MANAGER, ADMIN)")
    List<StageCount> summary(JwtAuthenticationToken auth) {
        Map<Stage, StageCount> counts = new EnumMap<>(Stage.class);
        jdbc.sql("""
                        select stage, count(*) as open, count(*) filter (where assignee is null) as unclaimed,
                               count(*) filter (where assignee = :me) as mine, min(enqueued_at) as oldest,
                               count(*) filter (where enqueued_at > cast(:now as timestamptz) - interval '1 day') as d1,
                               count(*) filter (where enqueued_at <= cast(:now as timestamptz) - interval '1 day' and enqueued_at > cast(:now as timestamptz) - interval '3 days') as d3,
                               count(*) filter (where enqueued_at <= cast(:now as timestamptz) - interval '3 days' and enqueued_at > cast(:now as timestamptz) - interval '7 days') as d7,
                               count(*) filter (where enqueued_at <= cast(:now as timestamptz) - interval '7 days' and enqueued_at > cast(:now as timestamptz) - interval '14 days') as d14,
                               count(*) filter (where enqueued_at <= cast(:now as timestamptz) - interval '14 days') as older
                        from work_item where stage is not null group by stage""")
                .param("me", auth.getName()).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new StageCount(Stage.valueOf(rs.getString("stage")), rs.getLong("open"), rs.getLong("unclaimed"),
                        rs.getLong("mine"), rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(),
                        rs.getLong("d1"), rs.getLong("d3"), rs.getLong("d7"), rs.getLong("d14"), rs.getLong("older")))
                .list().forEach(c -> counts.put(c.stage(), c));
        List<StageCount> all = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            all.add(counts.getOrDefault(stage, new StageCount(stage, 0, 0, 0, null, 0, 0, 0, 0, 0)));
        }
        return all;
    }

    /** An enterprise's application as the evaluation service knows it, at whatever stage or outcome. */
    record EnterpriseApplication(UUID applicationId, String trackingCode, String enterpriseName, String status,
                                 @Schema(types = {"string", "null"}) Stage stage, Instant updatedAt) {
    }

    @GetMapping(path = "/api/work-items", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every application of one enterprise, by its MB, newest first, all outcomes (EVALUATOR, MANAGER, ADMIN)")
    List<EnterpriseApplication> byEnterprise(@RequestParam Mb mb) {
        return jdbc.sql("""
                        select application_id, tracking_code, enterprise_name, status, stage, updated_at from work_item
                        where enterprise_mb = :mb order by updated_at desc limit 100""")
                .param("mb", mb.value())
                .query((rs, n) -> new EnterpriseApplication(rs.getObject("application_id", UUID.class), rs.getString("tracking_code"),
                        rs.getString("enterprise_name"), rs.getString("status"),
                        rs.getString("stage") == null ? null : Stage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("updated_at").toInstant())).list();
    }

    /** How many vouchers each provider is working on now (approved, completion not yet verified). */
    record ProviderLoad(String providerCode, long activeVouchers) {
    }

    @GetMapping(path = "/api/provider-load", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Active vouchers per matched provider (EVALUATOR, MANAGER, ADMIN)")
    List<ProviderLoad> providerLoad() {
        return jdbc.sql("""
                        select p.code, count(*) as n from work_item w cross join lateral jsonb_array_elements_text(w.providers) as p(code)
                        where w.status in ('APPROVED', 'COMPLETION_REPORTED') group by p.code order by p.code""")
                .query((rs, n) -> new ProviderLoad(rs.getString("code"), rs.getLong("n"))).list();
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
                rs.getString("assignee"), rs.getString("assignee_name"),
                rs.getTimestamp("claimed_at") == null ? null : rs.getTimestamp("claimed_at").toInstant(),
                rs.getString("enterprise_name"), rs.getString("status"),
                json.readValue(rs.getString("auto_checks"), CHECKS), rs.getObject("pending_decision", UUID.class), pendingSince,
                pendingSince != null && pendingSince.plus(stuckAfter).isBefore(clock.instant()),
                refusal == null ? null : json.readValue(refusal, LastRefusal.class));
    }
}
