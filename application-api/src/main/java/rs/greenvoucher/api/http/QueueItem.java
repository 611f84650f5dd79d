package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A row of the evaluators' queue. Null where nothing is: no stage, no one has claimed it, nothing pending or refused. */
public record QueueItem(UUID applicationId, String trackingCode,
                        @Schema(types = {"string", "null"}, description = "null once evaluators have nothing to do on it") Stage stage,
                        @Schema(types = {"string", "null"}, format = "date-time") Instant enqueuedAt,
                        @Schema(types = {"string", "null"}) String assignee,
                        @Schema(types = {"string", "null"}) String assigneeName,
                        @Schema(types = {"string", "null"}, format = "date-time") Instant claimedAt, String enterpriseName, String status,
                        @Schema(description = "the auto-checks computed at submission") List<AutoChecks.AutoCheck> autoChecks,
                        @Schema(types = {"string", "null"}, format = "uuid") UUID pendingDecision,
                        @Schema(types = {"string", "null"}, format = "date-time") Instant pendingSince, boolean pendingStuck,
                        @Schema(types = {"object", "null"}, description = "the last decision core refused, null when none was") LastRefusal lastRefusal,
                        @Schema(types = {"string", "null"}, format = "date", description = "waiting for the applicant's reply until this date (D3); null when not waiting")
                        LocalDate waitingUntil) {

    /** A decision core refused (or that could not be sent): its code (a rule code, or NOT_SENT, ...) and reason. */
    public record LastRefusal(UUID decisionId, String code, String reason, Instant at) {
    }

    public boolean claimedBy(String accountId) {
        return accountId != null && accountId.equals(assignee);
    }
}
