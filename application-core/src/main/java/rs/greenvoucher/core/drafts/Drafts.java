package rs.greenvoucher.core.drafts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The drafts of applications, each visible to its applicant only. A draft belongs to the call open when it was
 * started; when that call closes, its drafts go.
 */
@Component
public class Drafts {

    /** Enough for an application at its largest (the form validator's limits) with room to spare. */
    static final int MAX_FORM_BYTES = 128 * 1024;
    static final int MAX_DRAFTS_PER_APPLICANT = 20;

    public record Draft(UUID id, UUID callId, String form, int step, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final Limits limits;
    private final Clock clock;

    Drafts(JdbcClient jdbc, Limits limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    public List<Draft> list(String applicantId) {
        return jdbc.sql("select * from application_draft where applicant_id = :a order by updated_at desc")
                .param("a", applicantId).query(Drafts::draft).list();
    }

    Optional<Draft> find(String applicantId, UUID id) {
        return jdbc.sql("select * from application_draft where id = :id and applicant_id = :a")
                .param("id", id).param("a", applicantId).query(Drafts::draft).optional();
    }

    @Transactional
    Draft create(String applicantId, String form, int step) {
        Instant now = clock.instant();
        Limits.OpenCall call = limits.callOpenOn(SchemeRules.day(now)).orElseThrow(RuleViolation::callClosed);
        // serialises one applicant's creations so the cap cannot be raced past
        jdbc.sql("select pg_advisory_xact_lock(hashtext('draft:' || :a))").param("a", applicantId).query().singleRow();
        int count = jdbc.sql("select count(*) from application_draft where applicant_id = :a").param("a", applicantId)
                .query(Integer.class).single();
        if (count >= MAX_DRAFTS_PER_APPLICANT) {
            throw new Refusal(RefusalCode.TOO_MANY_DRAFTS,
                    "At most " + MAX_DRAFTS_PER_APPLICANT + " drafts; delete one first.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into application_draft (id, applicant_id, call_id, form, step, created_at, updated_at)
                        values (:id, :a, :call, cast(:form as jsonb), :step, :now, :now)""")
                .param("id", id).param("a", applicantId).param("call", call.id()).param("form", form)
                .param("step", step).param("now", Timestamp.from(now)).update();
        return find(applicantId, id).orElseThrow();
    }

    Optional<Draft> update(String applicantId, UUID id, String form, int step) {
        int updated = jdbc.sql("""
                        update application_draft set form = cast(:form as jsonb), step = :step, updated_at = :now
                        where id = :id and applicant_id = :a""")
                .param("id", id).param("a", applicantId).param("form", form).param("step", step)
                .param("now", Timestamp.from(clock.instant())).update();
        return updated == 0 ? Optional.empty() : find(applicantId, id);
    }

    public boolean delete(String applicantId, UUID id) {
        return jdbc.sql("delete from application_draft where id = :id and applicant_id = :a")
                .param("id", id).param("a", applicantId).update() > 0;
    }

    /** Drafts of closed calls can never be submitted. Idempotent, so every instance may run it. */
    @Scheduled(fixedDelayString = "${gv.drafts.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    public int deleteDraftsOfClosedCalls() {
        return jdbc.sql("""
                        delete from application_draft d using scheme_call c
                        where d.call_id = c.id and c.closes_on < :today""")
                .param("today", SchemeRules.day(clock.instant())).update();
    }

    private static Draft draft(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Draft(rs.getObject("id", UUID.class), rs.getObject("call_id", UUID.class), rs.getString("form"),
                rs.getInt("step"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
