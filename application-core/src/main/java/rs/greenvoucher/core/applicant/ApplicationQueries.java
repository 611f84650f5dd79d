package rs.greenvoucher.core.applicant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.ApplicationPage;
import rs.greenvoucher.api.value.ApplicationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class ApplicationQueries {

    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final io.micrometer.core.instrument.Counter waits;

    ApplicationQueries(JdbcClient jdbc, java.time.Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.waits = io.micrometer.core.instrument.Counter.builder("gv.view.read-after-write.waits")
                .description("reads of one's own fresh submission that waited for the applicant view").register(meters);
    }

    /** How long a read right after a write waits for the view to catch up with the event store. */
    static final Duration CATCH_UP = Duration.ofSeconds(3);

    /** Only a submission this recent is waited for; anything older is in the view or does not exist. */
    static final Duration FRESH = Duration.ofSeconds(30);

    /**
     * The document, if it exists and (for an applicant) is theirs. The view follows the events a few milliseconds
     * behind, so the caller's own fresh submission (in the submission's slot table, written with its events) is
     * waited for, briefly, instead of being answered 404. An id that is not the caller's is answered at once, as
     * fast as one that does not exist: no waiting that would tell them apart, and none that a crowd could pile up.
     */
    Optional<String> document(UUID id, String applicantOnly, String caller) {
        Optional<String> doc = find(id, applicantOnly);
        if (doc.isPresent() || !freshSubmissionOf(id, caller)) {
            return doc;
        }
        waits.increment();
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (doc.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            doc = find(id, applicantOnly);
        }
        return doc;
    }

    private Optional<String> find(UUID id, String applicantOnly) {
        return jdbc.sql("select doc::text from application_view where id = :id and (cast(:applicant as varchar) is null or applicant_id = :applicant)")
                .param("id", id).param("applicant", applicantOnly).query(String.class).optional();
    }

    private boolean freshSubmissionOf(UUID id, String caller) {
        return jdbc.sql("""
                        select exists(select 1 from applicant_slot where application_id = :id and applicant_id = :caller
                                      and claimed_at > :since)""")
                .param("id", id).param("caller", caller)
                .param("since", java.sql.Timestamp.from(clock.instant().minus(FRESH))).query(Boolean.class).single();
    }

    ApplicationPage list(String applicantOnly, ApplicationStatus status, String enterpriseMb, int page, int size) {
        String where = """
                 where (cast(:applicant as varchar) is null or applicant_id = :applicant)
                   and (cast(:status as varchar) is null or status = :status)
                   and (cast(:mb as varchar) is null or enterprise_mb = :mb)""";
        String statusName = status == null ? null : status.name();
        List<ApplicationPage.Summary> items = jdbc.sql("select * from application_view " + where
                        + " order by submitted_at desc, id limit :limit offset :offset")
                .param("applicant", applicantOnly).param("status", statusName).param("mb", enterpriseMb)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new ApplicationPage.Summary(rs.getObject("id", UUID.class), rs.getString("tracking_code"),
                        ApplicationStatus.valueOf(rs.getString("status")), rs.getString("enterprise_mb"),
                        rs.getString("enterprise_name"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        long total = jdbc.sql("select count(*) from application_view " + where)
                .param("applicant", applicantOnly).param("status", statusName).param("mb", enterpriseMb)
                .query(Long.class).single();
        return new ApplicationPage(items, page, size, total);
    }
}
