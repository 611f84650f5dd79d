package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.evaluation.EvaluationDecision;

import java.time.Instant;
import java.util.UUID;

/** One of an evaluator's own decisions: where it stands with core (outcome) and what it said (body). */
public record MyDecision(UUID decisionId, UUID applicationId, String trackingCode, String enterpriseName, String stage,
                         String kind, Instant decidedAt, String outcome,
                         @Schema(types = {"string", "null"}) String refusalReason,
                         @Schema(description = "the decision as it was sent to core") EvaluationDecision body) {
}
