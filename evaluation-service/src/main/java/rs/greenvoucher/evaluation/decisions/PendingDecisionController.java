package rs.greenvoucher.evaluation.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.platform.web.ApiException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A decision core has neither applied nor refused within {@code gv-evaluation.pending-stuck-after} is shown as stuck
 * ({@code pendingStuck} on the item). The evaluator who took it, or an ADMIN, can then send it again (core drops it if
 * it had it already) or withdraw it, which frees the item for a new decision. Before the bound both answer 409.
 */
@RestController
@Tag(name = "Decisions")
class PendingDecisionController {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration stuckAfter;

    PendingDecisionController(JdbcClient jdbc, Clock clock,
                              @Value("${gv-evaluation.pending-stuck-after:PT2M}") Duration stuckAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    record Stuck(UUID decisionId, String decidedBy) {
    }

    @PostMapping("/api/work-items/{applicationId}/pending-decision/resend")
    @Transactional
    @Operation(summary = "Send a stuck pending decision to core again")
    Map<String, Object> resend(@PathVariable UUID applicationId, JwtAuthenticationToken auth) {
        Stuck stuck = stuck(applicationId, auth);
        jdbc.sql("update decision set published_at = null, next_attempt_at = null where decision_id = :id")
                .param("id", stuck.decisionId()).update();
        return Map.of("decisionId", stuck.decisionId(), "status", "RESENT");
    }

    @DeleteMapping("/api/work-items/{applicationId}/pending-decision")
    @Transactional
    @Operation(summary = "Withdraw a stuck pending decision; the item can be decided again")
    Map<String, Object> withdraw(@PathVariable UUID applicationId, JwtAuthenticationToken auth) {
        Stuck stuck = stuck(applicationId, auth);
        jdbc.sql("update decision set outcome = 'WITHDRAWN', refusal_reason = :why where decision_id = :id and outcome = 'PENDING'")
                .param("why", "withdrawn by " + auth.getName() + " after it stayed pending").param("id", stuck.decisionId()).update();
        jdbc.sql("update work_item set pending_decision = null where application_id = :app and pending_decision = :id")
                .param("app", applicationId).param("id", stuck.decisionId()).update();
        return Map.of("decisionId", stuck.decisionId(), "status", "WITHDRAWN");
    }

    private Stuck stuck(UUID applicationId, JwtAuthenticationToken auth) {
        Map<String, Object> row = jdbc.sql("""
                        select d.decision_id, d.decided_by, d.decided_at from work_item w
                        join decision d on d.decision_id = w.pending_decision
                        where w.application_id = :id for update of w""")
                .param("id", applicationId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "NO_PENDING_DECISION", "No decision is waiting on this item."));
        Instant decidedAt = ((Timestamp) row.get("decided_at")).toInstant();
        if (decidedAt.plus(stuckAfter).isAfter(clock.instant())) {
            throw new ApiException(HttpStatus.CONFLICT, "DECISION_NOT_STUCK",
                    "The decision was taken less than " + stuckAfter.toMinutes() + " minutes ago; core is still applying it.");
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!admin && !auth.getName().equals(row.get("decided_by"))) {
            throw new ApiException(HttpStatus.CONFLICT, "ALREADY_CLAIMED", "Only the evaluator who took the decision may do this.");
        }
        return new Stuck((UUID) row.get("decision_id"), (String) row.get("decided_by"));
    }
}
