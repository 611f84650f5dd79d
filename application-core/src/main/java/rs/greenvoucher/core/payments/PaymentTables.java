package rs.greenvoucher.core.payments;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.PaymentEvent.DeliveryConfirmed;
import rs.greenvoucher.api.application.PaymentEvent.InvoiceSubmitted;
import rs.greenvoucher.api.application.PaymentEvent.PaymentApproved;
import rs.greenvoucher.api.application.PaymentEvent.PaymentDeclined;
import rs.greenvoucher.api.application.PaymentEvent.PaymentMade;
import rs.greenvoucher.api.application.PaymentEvent.PaymentProposed;
import rs.greenvoucher.core.limits.LimitsConfiguration;

import java.sql.Timestamp;

/**
 * The invoices and payment orders as the provider's, the applicant's and the managers' pages read them, written in the
 * command's transaction (the limits' subscribing group), so a page shows an invoice the moment it is accepted.
 */
@Component
@ProcessingGroup(LimitsConfiguration.GROUP)
record PaymentTables(JdbcClient jdbc) {

    @EventHandler
    void on(InvoiceSubmitted e) {
        jdbc.sql("""
                        insert into voucher_invoice (id, application_id, provider_code, service_index, number, issued_on, amount_eur,
                            document_id, sha256, submitted_by, submitted_at)
                        values (:id, :app, :provider, :service, :number, :issued, :amount, :doc, :sha, :by, :at)
                        on conflict (id) do nothing""")
                .param("id", e.invoiceId()).param("app", e.applicationId()).param("provider", e.providerCode())
                .param("service", e.serviceIndex()).param("number", e.number()).param("issued", e.issuedOn())
                .param("amount", e.amount().amount()).param("doc", e.documentId()).param("sha", e.sha256())
                .param("by", e.submittedBy()).param("at", Timestamp.from(e.occurredAt())).update();
    }

    @EventHandler
    void on(DeliveryConfirmed e) {
        jdbc.sql("update voucher_invoice set delivered_at = :at where id = :id and delivered_at is null")
                .param("id", e.invoiceId()).param("at", Timestamp.from(e.occurredAt())).update();
    }

    @EventHandler
    void on(PaymentProposed e) {
        jdbc.sql("""
                        insert into payment_order (id, application_id, provider_code, invoiced_eur, share_percent, amount_eur, status,
                            proposed_by, proposed_at)
                        values (:id, :app, :provider, :invoiced, :share, :amount, 'PROPOSED', :by, :at) on conflict (id) do nothing""")
                .param("id", e.paymentId()).param("app", e.applicationId()).param("provider", e.providerCode())
                .param("invoiced", e.invoicedEur().amount()).param("share", e.sharePercent()).param("amount", e.amount().amount())
                .param("by", e.proposedBy()).param("at", Timestamp.from(e.occurredAt())).update();
        jdbc.sql("update voucher_invoice set payment_id = :payment where id = any(:ids)")
                .param("payment", e.paymentId()).param("ids", e.invoiceIds().toArray(java.util.UUID[]::new)).update();
    }

    @EventHandler
    void on(PaymentApproved e) {
        jdbc.sql("update payment_order set status = 'APPROVED', approved_by = :by, approved_at = :at where id = :id")
                .param("id", e.paymentId()).param("by", e.approvedBy()).param("at", Timestamp.from(e.occurredAt())).update();
    }

    @EventHandler
    void on(PaymentDeclined e) {
        jdbc.sql("""
                        update payment_order set status = 'DECLINED', declined_by = :by, declined_at = :at, decline_reason = :why
                        where id = :id""")
                .param("id", e.paymentId()).param("by", e.declinedBy()).param("at", Timestamp.from(e.occurredAt()))
                .param("why", e.reason()).update();
        jdbc.sql("update voucher_invoice set payment_id = null where payment_id = :id").param("id", e.paymentId()).update();
    }

    @EventHandler
    void on(PaymentMade e) {
        jdbc.sql("update payment_order set status = 'PAID', bank_reference = :ref, paid_by = :by, paid_at = :at where id = :id")
                .param("id", e.paymentId()).param("ref", e.bankReference()).param("by", e.markedBy())
                .param("at", Timestamp.from(e.occurredAt())).update();
    }
}
