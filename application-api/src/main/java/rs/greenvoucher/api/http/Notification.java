package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A mail the notification service wrote to the applicant; sentAt is null until it has been handed to SMTP. */
public record Notification(UUID id, UUID applicationId, String kind, String subject, String body, String language,
                           Instant createdAt, String status, @Schema(types = {"string", "null"}, format = "date-time") Instant sentAt) {
}
