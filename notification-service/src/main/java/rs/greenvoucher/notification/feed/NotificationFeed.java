package rs.greenvoucher.notification.feed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.Notification;

import java.util.List;
import java.util.UUID;

/** An applicant's notifications about their applications (account mails such as confirmation links are not in it). */
@Component
record NotificationFeed(JdbcClient jdbc) {

    List<Notification> newestFirst(String applicantId, int limit) {
        return jdbc.sql("""
                        select * from notification where applicant_id = :me and application_id is not null
                        order by created_at desc, id limit :limit""")
                .param("me", applicantId).param("limit", limit)
                .query((rs, n) -> new Notification(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("kind"), rs.getString("subject"), rs.getString("body"), rs.getString("language"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}
