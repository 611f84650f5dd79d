package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One work item with the application as submitted and every decision taken on it, oldest first. */
public record WorkItem(QueueItem item, ApplicationForm application, List<ProviderCode> providerCodes, List<DecisionTaken> decisions,
                       @Schema(description = "the requests for more information (D3) and their replies, oldest first")
                       List<InformationExchange> information) {

    /** A request for more information, and the reply to it (or its expiry) once there is one. */
    public record InformationExchange(UUID requestId, Stage stage, String message, List<String> documentKinds,
                                      List<String> fields, LocalDate replyBy, String askedBy, Instant askedAt,
                                      @Schema(types = {"string", "null"}) String reply,
                                      @Schema(types = {"array", "null"}) List<String> changedFields,
                                      @Schema(types = {"string", "null"}, format = "date-time") Instant repliedAt,
                                      boolean expired) {
    }

    /** A decision as the evaluation service recorded it; outcome PENDING, APPLIED or REFUSED. */
    public record DecisionTaken(UUID decisionId, String stage, String kind, String decidedBy,
                                @Schema(types = {"string", "null"}) String decidedByName, Instant decidedAt, String outcome,
                                @Schema(types = {"string", "null"}) String refusalReason) {
    }
}
