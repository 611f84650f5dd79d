package rs.greenvoucher.evaluation.queue;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.http.QueueItem;
import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.Stage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The work queue's reads and its claims, in SQL over {@code work_item}: what the queue's HTTP API answers with. */
@Component
public class WorkItems {

    /**
     * One page of a queue: a stage or all, everyone's / the caller's / nobody's, a search (a LIKE pattern), and either
     * the work to do or the items waiting for the applicants' replies (D3), soonest date first.
     */
    record Page(Stage stage, String mode, String me, String like, int offset, int limit, boolean waiting) {
    }

    private static final String ITEM = """
            select w.*, d.decided_at as pending_since from work_item w
            left join decision d on d.decision_id = w.pending_decision where w.application_id = :id""";
    private static final TypeReference<List<AutoChecks.AutoCheck>> CHECKS = new TypeReference<>() {
    };
    private static final TypeReference<List<ProviderCode>> PROVIDERS = new TypeReference<>() {
    };
    private static final TypeReference<List<WorkItem.InformationExchange>> INFORMATION = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration stuckAfter;

    WorkItems(JdbcClient jdbc, JsonMapper json, Clock clock, @Value("${gv-evaluation.pending-stuck-after:PT2M}") Duration stuckAfter) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    List<QueueItem> page(Page page) {
        return jdbc.sql("""
                        select w.*, d.decided_at as pending_since from work_item w
                        left join decision d on d.decision_id = w.pending_decision where w.stage is not null
                          and (cast(:stage as varchar) is null or w.stage = :stage)
                          and (cast(:mode as varchar) is null
                               or (:mode = 'me' and w.assignee = :me)
                               or (:mode = 'unassigned' and w.assignee is null))
                          and (cast(:like as varchar) is null or w.tracking_code ilike :like or w.enterprise_name ilike :like)
                          and (w.waiting_until is not null) = :waiting
                        order by w.waiting_until nulls first, w.enqueued_at, w.application_id offset :offset limit :limit""")
                .param("stage", page.stage() == null ? null : page.stage().name()).param("mode", page.mode())
                .param("me", page.me()).param("like", page.like()).param("offset", page.offset()).param("limit", page.limit())
                .param("waiting", page.waiting()).query(this::toItem).list();
    }

    public Optional<QueueItem> find(UUID applicationId) {
        return jdbc.sql(ITEM).param("id", applicationId).query(this::toItem).optional();
    }

    /** The item, the application as submitted, the providers matched, and every decision taken on it. */
    Optional<WorkItem> withApplication(UUID applicationId) {
        return jdbc.sql(ITEM).param("id", applicationId)
                .query((rs, n) -> new WorkItem(toItem(rs, n), json.readValue(rs.getString("application"), ApplicationForm.class),
                        json.readValue(rs.getString("providers"), PROVIDERS), List.of(),
                        json.readValue(rs.getString("information"), INFORMATION)))
                .optional()
                .map(w -> new WorkItem(w.item(), w.application(), w.providerCodes(), jdbc.sql("""
                                select decision_id, stage, kind, decided_by, decided_by_name, decided_at, outcome, refusal_reason
                                from decision where application_id = :id order by decided_at""")
                        .param("id", applicationId)
                        .query((rs, n) -> new WorkItem.DecisionTaken(rs.getObject("decision_id", UUID.class), rs.getString("stage"),
                                rs.getString("kind"), rs.getString("decided_by"), rs.getString("decided_by_name"),
                                rs.getTimestamp("decided_at").toInstant(), rs.getString("outcome"), rs.getString("refusal_reason")))
                        .list(), w.information()));
    }

    /** One evaluator per item: false when it is somebody else's or has nothing to do. */
    boolean claim(UUID applicationId, String me, String name) {
        return jdbc.sql("""
                        update work_item set assignee = :me, assignee_name = :name, claimed_at = now()
                        where application_id = :id and stage is not null and (assignee is null or assignee = :me)""")
                .param("me", me).param("name", name).param("id", applicationId).update() == 1;
    }

    /** Back to the queue: one's own claim, or anyone's for an admin. */
    boolean release(UUID applicationId, String me, boolean admin) {
        return jdbc.sql("""
                        update work_item set assignee = null, assignee_name = null, claimed_at = null
                        where application_id = :id and (assignee = :me or (:admin and assignee is not null))""")
                .param("id", applicationId).param("me", me).param("admin", admin).update() == 1;
    }

    private QueueItem toItem(ResultSet rs, int row) throws SQLException {
        String stage = rs.getString("stage");
        String refusal = rs.getString("last_refusal");
        Instant pendingSince = instant(rs, "pending_since");
        return new QueueItem(rs.getObject("application_id", UUID.class), rs.getString("tracking_code"),
                stage == null ? null : Stage.valueOf(stage), instant(rs, "enqueued_at"),
                rs.getString("assignee"), rs.getString("assignee_name"), instant(rs, "claimed_at"),
                rs.getString("enterprise_name"), rs.getString("status"),
                json.readValue(rs.getString("auto_checks"), CHECKS), rs.getObject("pending_decision", UUID.class), pendingSince,
                pendingSince != null && pendingSince.plus(stuckAfter).isBefore(clock.instant()),
                refusal == null ? null : json.readValue(refusal, QueueItem.LastRefusal.class),
                rs.getObject("waiting_until", java.time.LocalDate.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** Whether the applicant declared an affiliation with a provider (E7: the evaluator must confirm there is none). */
    public boolean declaredAnAffiliation(UUID applicationId) {
        return Boolean.FALSE.equals(jdbc.sql("""
                        select (application->'declarations'->>'noAffiliation')::boolean from work_item where application_id = :id""")
                .param("id", applicationId).query(Boolean.class).optional().orElse(Boolean.TRUE));
    }
}
