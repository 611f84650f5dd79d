package rs.greenvoucher.notification.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.Notification;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.List;

@RestController
@Tag(name = "Notifications")
record FeedController(NotificationFeed feed) {

    @GetMapping("/api/notifications")
    @Operation(summary = "The caller's own notifications about their applications, newest first (account mails such as "
            + "confirmation links are not shown)")
    List<Notification> feed(@RequestParam(defaultValue = "50") int limit, JwtAuthenticationToken auth) {
        if (limit < 1 || limit > 500) {
            throw Refusal.invalid("limit", "must be between 1 and 500");
        }
        return feed.newestFirst(auth.getName(), limit);
    }
}
