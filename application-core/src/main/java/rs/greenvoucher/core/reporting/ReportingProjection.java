package rs.greenvoucher.core.reporting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.InformationProvided;
import rs.greenvoucher.api.application.ApplicationEvent.InformationRequestExpired;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationScreened;
import rs.greenvoucher.api.application.DecisionEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.DecisionEvent.DecisionCorrected;
import rs.greenvoucher.api.application.DecisionEvent.InformationRequested;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.application.PaymentEvent;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.platform.axon.ProjectionWrites;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/**
 * The figures managers report on (report_application; {@link EnvironmentReporting} keeps the indicators), kept by the
 * tracking processor "reporting" apart from the write side. Every write is idempotent for its event, so a replay
 * gives the same figures; the statements go to PostgreSQL a batch of events at a time ({@link ProjectionWrites}).
 */
@Component
@ProcessingGroup(ReportingProjection.GROUP)
record ReportingProjection(ProjectionWrites writes, JdbcClient jdbc) {

    static final String GROUP = "reporting";

    @EventHandler
    void on(ApplicationSubmitted e) {
        ApplicationForm form = e.form();
        writes.update(e.applicationId(), """
                        insert into report_application (id, call_id, region, nace_section, status, providers, requested_eur, submitted_at)
                        values (:id, :call, :region, :section, 'SUBMITTED', :providers, :requested, :at)
                        on conflict (id) do nothing""",
                id(e.applicationId()).addValue("call", e.callId()).addValue("region", form.enterprise().region().label())
                        .addValue("section", form.enterprise().naceCode().section())
                        .addValue("providers", form.providerCodes().stream().map(ProviderCode::value).toArray(String[]::new))
                        .addValue("requested", form.project().requestedVoucherEur().amount()).addValue("at", ts(e.occurredAt())));
    }

    @EventHandler
    void on(ApplicationScreened e) {
        stage(e.applicationId(), "SCREENED", "screened_at", e.occurredAt());
    }

    @EventHandler
    void on(ProvidersMatched e) {
        writes.update(e.applicationId(), "update report_application set status = 'PROVIDER_MATCHED', matched_at = :at, providers = :providers where id = :id",
                id(e.applicationId()).addValue("at", ts(e.occurredAt()))
                        .addValue("providers", e.providerCodes().stream().map(ProviderCode::value).toArray(String[]::new)));
    }

    @EventHandler
    void on(VoucherApproved e) {
        writes.update(e.applicationId(), "update report_application set status = 'APPROVED', approved_at = :at, approved_eur = :amount where id = :id",
                id(e.applicationId()).addValue("at", ts(e.occurredAt())).addValue("amount", e.amount().amount()));
    }

    @EventHandler
    void on(ApplicationRejected e) {
        writes.update(e.applicationId(), """
                        update report_application set status = 'REJECTED', rejected_at = :at, rejected_stage = :stage,
                            rejection_rules = :rules where id = :id""",
                id(e.applicationId()).addValue("at", ts(e.occurredAt()))
                        .addValue("stage", e.stage() == null ? null : e.stage().name(), Types.VARCHAR)
                        .addValue("rules", e.ruleCodes() == null ? new String[0] : e.ruleCodes().stream().map(Enum::name).toArray(String[]::new)));
    }

    /**
     * A corrected rejection is undone (the application is back at its stage); a corrected approval commits no money
     * and counts as no approval. The rejection that follows a correction that rejects is an ApplicationRejected.
     */
    @EventHandler
    void on(DecisionCorrected e) {
        if (e.kind() == ApplicationEvent.CorrectionKind.REINSTATE) {
            writes.update(e.applicationId(), """
                            update report_application set status = :status, rejected_at = null, rejected_stage = null,
                                rejection_rules = '{}' where id = :id""",
                    id(e.applicationId()).addValue("status", e.status().name()));
        } else if (e.releasedAmount() != null) {
            writes.update(e.applicationId(), "update report_application set approved_eur = null, approved_at = null where id = :id",
                    id(e.applicationId()));
        }
    }

    @EventHandler
    void on(ApplicationWithdrawn e) {
        stage(e.applicationId(), "WITHDRAWN", "withdrawn_at", e.occurredAt());
    }

    @EventHandler
    void on(CompletionReported e) {
        stage(e.applicationId(), "COMPLETION_REPORTED", "completion_reported_at", e.occurredAt());
    }

    @EventHandler
    void on(CompletionReportReturned e) {
        writes.update(e.applicationId(), "update report_application set status = 'APPROVED' where id = :id", id(e.applicationId()));
    }

    @EventHandler
    void on(VoucherCompleted e) {
        writes.update(e.applicationId(), "update report_application set status = 'COMPLETED', completed_at = :at, paid_eur = :paid where id = :id",
                id(e.applicationId()).addValue("at", ts(e.occurredAt())).addValue("paid", e.paidAmount().amount()));
    }

    @EventHandler
    void on(VoucherExpired e) {
        stage(e.applicationId(), "EXPIRED", "expired_at", e.occurredAt());
    }

    /** D3: waiting for the applicant counts apart; the reply puts it back at its stage; no reply expires it. */
    @EventHandler
    void on(InformationRequested e) {
        writes.update(e.applicationId(), "update report_application set status = 'INFORMATION_REQUESTED' where id = :id",
                id(e.applicationId()));
    }

    @EventHandler
    void on(InformationProvided e) {
        writes.update(e.applicationId(), "update report_application set status = :status where id = :id",
                id(e.applicationId()).addValue("status", e.status().name()));
    }

    @EventHandler
    void on(InformationRequestExpired e) {
        stage(e.applicationId(), "EXPIRED", "expired_at", e.occurredAt());
    }

    @EventHandler
    void on(PaymentEvent.InvoiceSubmitted e) {
        money(e.invoiceId(), e, "INVOICED", e.amount());
    }

    @EventHandler
    void on(PaymentEvent.PaymentApproved e) {
        money(entry(e.paymentId(), "APPROVED"), e, "APPROVED", e.amount());
    }

    @EventHandler
    void on(PaymentEvent.PaymentDeclined e) {
        if (e.releasedAmount() != null) {
            money(entry(e.paymentId(), "RELEASED"), e, "RELEASED", e.releasedAmount());
        }
    }

    @EventHandler
    void on(PaymentEvent.PaymentMade e) {
        money(entry(e.paymentId(), "PAID"), e, "PAID", e.amount());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate report_application").update();
        jdbc.sql("truncate report_money").update();
    }

    /** One entry of a voucher's money, under the call the application is in. */
    private void money(UUID entry, PaymentEvent e, String kind, Money amount) {
        writes.update(e.applicationId(), """
                        insert into report_money (entry_id, application_id, call_id, provider_code, kind, amount_eur, occurred_at)
                        select :entry, id, call_id, :provider, :kind, :amount, :at from report_application where id = :id
                        on conflict (entry_id) do nothing""",
                id(e.applicationId()).addValue("entry", entry).addValue("provider", e.providerCode()).addValue("kind", kind)
                        .addValue("amount", amount.amount()).addValue("at", ts(e.occurredAt())));
    }

    private static UUID entry(UUID paymentId, String kind) {
        return UUID.nameUUIDFromBytes((paymentId + "|" + kind).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void stage(UUID id, String status, String column, Instant at) { // column names come from this class only
        writes.update(id, "update report_application set status = :status, " + column + " = :at where id = :id",
                id(id).addValue("status", status).addValue("at", ts(at)));
    }

    static MapSqlParameterSource id(UUID applicationId) {
        return new MapSqlParameterSource("id", applicationId);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
