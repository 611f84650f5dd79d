package rs.greenvoucher.core.voucher.inform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.UUID;

/** {@link DeadlineRows} on core's information_deadline table; "skip locked": another instance has it in hand. */
@Component
record JdbcDeadlineRows(JdbcClient jdbc) implements DeadlineRows {

    @Override
    public boolean takeReminder(UUID applicationId, UUID requestId) {
        return !jdbc.sql("""
                        select 1 from information_deadline
                        where application_id = :id and request_id = :request and not reminded for update skip locked""")
                .param("id", applicationId).param("request", requestId).query().listOfRows().isEmpty();
    }

    @Override
    public boolean takeExpiry(UUID applicationId, UUID requestId, LocalDate today) {
        return !jdbc.sql("""
                        select 1 from information_deadline
                        where application_id = :id and request_id = :request and reply_by < :today for update skip locked""")
                .param("id", applicationId).param("request", requestId).param("today", today).query().listOfRows().isEmpty();
    }

    @Override
    public void reminded(UUID applicationId) {
        jdbc.sql("update information_deadline set reminded = true where application_id = :id").param("id", applicationId).update();
    }

    @Override
    public void drop(UUID applicationId, UUID requestId) {
        jdbc.sql("delete from information_deadline where application_id = :id and request_id = :request")
                .param("id", applicationId).param("request", requestId).update();
    }
}
