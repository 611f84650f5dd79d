package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One of an evaluator's own decisions: where it stands with core ({@code outcome}: PENDING, APPLIED, REFUSED ...),
 * what it said ({@code said}: PASS, FAIL, MATCH, APPROVE, REJECT, ACCEPT, RETURN) and the message as it was sent.
 */
public record MyDecision(UUID decisionId, UUID applicationId, String trackingCode, String enterpriseName, String stage,
                         String kind, Instant decidedAt, String outcome,
                         @Schema(types = {"string", "null"}) String refusalReason, String said,
                         @Schema(description = "the decision as it was sent to core (gv.evaluation.decisions)") Map<String, Object> body) {
}
