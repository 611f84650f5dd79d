package rs.greenvoucher.core.applicant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.value.ApplicationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class ApplicationQueries {

    private final JdbcClient jdbc;

    ApplicationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Summary(UUID id, String trackingCode, ApplicationStatus status, String enterpriseMb, String enterpriseName,
                   Instant submittedAt, Instant updatedAt) {
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    /** The document, if it exists and (for an applicant) is theirs. */
    Optional<String> document(UUID id, String applicantOnly) {
        return jdbc.sql("select doc::text from application_view where id = :id and (cast(:applicant as varchar) is null or applicant_id = :applicant)")
                .param("id", id).param("applicant", applicantOnly).query(String.class).optional();
    }

    Page list(String applicantOnly, ApplicationStatus status, String enterpriseMb, int page, int size) {
        String where = """
                 where (cast(:applicant as varchar) is null or applicant_id = :applicant)
                   and (cast(:status as varchar) is null or status = :status)
                   and (cast(:mb as varchar) is null or enterprise_mb = :mb)""";
        String statusName = status == null ? null : status.name();
        List<Summary> items = jdbc.sql("select * from application_view " + where
                        + " order by submitted_at desc, id limit :limit offset :offset")
                .param("applicant", applicantOnly).param("status", statusName).param("mb", enterpriseMb)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("tracking_code"),
                        ApplicationStatus.valueOf(rs.getString("status")), rs.getString("enterprise_mb"),
                        rs.getString("enterprise_name"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        long total = jdbc.sql("select count(*) from application_view " + where)
                .param("applicant", applicantOnly).param("status", statusName).param("mb", enterpriseMb)
                .query(Long.class).single();
        return new Page(items, page, size, total);
    }
}
