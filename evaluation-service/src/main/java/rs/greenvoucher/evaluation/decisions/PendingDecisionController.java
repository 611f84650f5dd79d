package rs.greenvoucher.evaluation.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/**
 * A decision core has neither applied nor refused within {@code gv-evaluation.pending-stuck-after} is shown as stuck
 * ({@code pendingStuck} on the item). The evaluator who took it, or an ADMIN, can then send it again (core drops it if
 * it had it already) or withdraw it, which frees the item for a new decision. Before the bound both answer 409.
 */
@RestController
@Tag(name = "Decisions")
record PendingDecisionController(DecisionService decisions) {

    @PostMapping("/api/work-items/{applicationId}/pending-decision/resend")
    @Operation(summary = "Send a stuck pending decision to core again")
    Map<String, Object> resend(@PathVariable UUID applicationId, JwtAuthenticationToken auth) {
        return Map.of("decisionId", decisions.resendStuck(applicationId, auth), "status", "RESENT");
    }

    @DeleteMapping("/api/work-items/{applicationId}/pending-decision")
    @Operation(summary = "Withdraw a stuck pending decision; the item can be decided again")
    Map<String, Object> withdraw(@PathVariable UUID applicationId, JwtAuthenticationToken auth) {
        return Map.of("decisionId", decisions.withdrawStuck(applicationId, auth), "status", "WITHDRAWN");
    }
}
