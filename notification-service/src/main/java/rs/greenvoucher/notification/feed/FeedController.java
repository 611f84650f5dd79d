package rs.greenvoucher.notification.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.platform.web.ApiException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Notifications")
class FeedController {

    private final JdbcClient jdbc;

    FeedController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** sentAt is null until the mail has been handed to SMTP. */
    record Notification(UUID id, UUID applicationId, String kind, String subject, String body, String language,
                        Instant createdAt, String status, @Schema(types = {"string", "null"}, format = "date-time") Instant sentAt) {
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "The caller's own notifications about their applications, newest first (account mails such as "
            + "confirmation links are not shown)")
    List<Notification> feed(@RequestParam(defaultValue = "50") int limit, JwtAuthenticationToken auth) {
        if (limit < 1 || limit > 500) {
            throw ApiException.validation("limit", "must be between 1 and 500");
        }
        return jdbc.sql("""
                        select * from notification where applicant_id = :me and application_id is not null
                        order by created_at desc, id limit :limit""")
                .param("me", auth.getName()).param("limit", limit)
                .query((rs, n) -> new Notification(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("kind"), rs.getString("subject"), rs.getString("body"), rs.getString("language"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}
