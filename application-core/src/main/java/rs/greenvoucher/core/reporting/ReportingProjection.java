package rs.greenvoucher.core.reporting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationRejected;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationScreened;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.DecisionCorrected;
import rs.greenvoucher.api.application.ApplicationEvent.ProvidersMatched;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherApproved;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherCompleted;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.value.ProviderCode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The figures managers report on, kept by a tracking processor ("reporting") apart from the write side. Every write
 * is idempotent for its event (set a column, upsert a row), so a replay gives the same figures; each event is one
 * statement where it can be (a rebuild's time is mostly its statements' round trips).
 */
@Component
@ProcessingGroup(ReportingProjection.GROUP)
class ReportingProjection {

    static final String GROUP = "reporting";

    private final JdbcClient jdbc;

    ReportingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApplicationSubmitted e) {
        ApplicationForm form = e.form();
        jdbc.sql("""
                        insert into report_application (id, call_id, region, nace_section, status, providers, requested_eur, submitted_at)
                        values (:id, :call, :region, :section, 'SUBMITTED', :providers, :requested, :at)
                        on conflict (id) do nothing""")
                .param("id", e.applicationId()).param("call", e.callId()).param("region", form.enterprise().region().label())
                .param("section", form.enterprise().naceCode().section())
                .param("providers", form.providerCodes().stream().map(ProviderCode::value).toArray(String[]::new))
                .param("requested", form.project().requestedVoucherEur().amount()).param("at", ts(e.occurredAt()))
                .update();
        for (ApplicationForm.IndicatorTarget t : form.project().environmentalIndicators()) {
            jdbc.sql("""
                            insert into report_indicator (application_id, indicator, unit, baseline, target)
                            values (:id, :indicator, :unit, :baseline, :target)
                            on conflict (application_id, indicator, unit) do update set baseline = excluded.baseline, target = excluded.target""")
                    .param("id", e.applicationId()).param("indicator", t.indicator().name()).param("unit", t.unit())
                    .param("baseline", t.baseline()).param("target", t.target()).update();
        }
    }

    @EventHandler
    void on(ApplicationScreened e) {
        stage(e.applicationId(), "SCREENED", "screened_at", e.occurredAt());
    }

    @EventHandler
    void on(ProvidersMatched e) {
        jdbc.sql("update report_application set status = 'PROVIDER_MATCHED', matched_at = :at, providers = :providers where id = :id")
                .param("at", ts(e.occurredAt()))
                .param("providers", e.providerCodes().stream().map(ProviderCode::value).toArray(String[]::new))
                .param("id", e.applicationId()).update();
    }

    @EventHandler
    void on(VoucherApproved e) {
        jdbc.sql("update report_application set status = 'APPROVED', approved_at = :at, approved_eur = :amount where id = :id")
                .param("at", ts(e.occurredAt())).param("amount", e.amount().amount()).param("id", e.applicationId()).update();
    }

    @EventHandler
    void on(ApplicationRejected e) {
        jdbc.sql("""
                        update report_application set status = 'REJECTED', rejected_at = :at, rejected_stage = :stage,
                            rejection_rules = :rules where id = :id""")
                .param("at", ts(e.occurredAt())).param("stage", e.stage() == null ? null : e.stage().name())
                .param("rules", e.ruleCodes() == null ? new String[0] : e.ruleCodes().stream().map(Enum::name).toArray(String[]::new))
                .param("id", e.applicationId()).update();
    }

    /**
     * A corrected rejection is undone (the application is back at its stage); a corrected approval commits no money
     * and counts as no approval. The rejection that follows a correction that rejects is an ApplicationRejected.
     */
    @EventHandler
    void on(DecisionCorrected e) {
        if (e.kind() == ApplicationEvent.CorrectionKind.REINSTATE) {
            jdbc.sql("""
                            update report_application set status = :status, rejected_at = null, rejected_stage = null,
                                rejection_rules = '{}' where id = :id""")
                    .param("status", e.status().name()).param("id", e.applicationId()).update();
        } else if (e.releasedAmount() != null) {
            jdbc.sql("update report_application set approved_eur = null, approved_at = null where id = :id")
                    .param("id", e.applicationId()).update();
        }
    }

    @EventHandler
    void on(ApplicationWithdrawn e) {
        stage(e.applicationId(), "WITHDRAWN", "withdrawn_at", e.occurredAt());
    }

    @EventHandler
    void on(CompletionReported e) {
        stage(e.applicationId(), "COMPLETION_REPORTED", "completion_reported_at", e.occurredAt());
        for (CompletionReport.IndicatorResult r : e.report().environmentalResults()) {
            jdbc.sql("""
                            insert into report_indicator (application_id, indicator, unit, result) values (:id, :indicator, :unit, :value)
                            on conflict (application_id, indicator, unit) do update set result = excluded.result""")
                    .param("id", e.applicationId()).param("indicator", r.indicator().name()).param("unit", r.unit())
                    .param("value", r.value()).update();
        }
    }

    @EventHandler
    void on(CompletionReportReturned e) {
        jdbc.sql("update report_application set status = 'APPROVED' where id = :id").param("id", e.applicationId()).update();
    }

    @EventHandler
    void on(VoucherCompleted e) {
        jdbc.sql("update report_application set status = 'COMPLETED', completed_at = :at, paid_eur = :paid where id = :id")
                .param("at", ts(e.occurredAt())).param("paid", e.paidAmount().amount()).param("id", e.applicationId()).update();
    }

    @EventHandler
    void on(VoucherExpired e) {
        stage(e.applicationId(), "EXPIRED", "expired_at", e.occurredAt());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate report_application, report_indicator").update();
    }

    private void stage(UUID id, String status, String column, Instant at) {
        // column names come from this class only
        jdbc.sql("update report_application set status = :status, " + column + " = :at where id = :id")
                .param("status", status).param("at", ts(at)).param("id", id).update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
