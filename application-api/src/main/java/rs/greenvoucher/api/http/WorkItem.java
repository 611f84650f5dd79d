package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.value.ProviderCode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One work item with the application as submitted and every decision taken on it, oldest first. */
public record WorkItem(QueueItem item, ApplicationForm application, List<ProviderCode> providerCodes, List<DecisionTaken> decisions) {

    /** A decision as the evaluation service recorded it; outcome PENDING, APPLIED or REFUSED. */
    public record DecisionTaken(UUID decisionId, String stage, String kind, String decidedBy,
                                @Schema(types = {"string", "null"}) String decidedByName, Instant decidedAt, String outcome,
                                @Schema(types = {"string", "null"}) String refusalReason) {
    }
}
