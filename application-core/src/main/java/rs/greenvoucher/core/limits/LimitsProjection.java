package rs.greenvoucher.core.limits;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.InformationRules;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.InformationProvided;
import rs.greenvoucher.api.application.ApplicationEvent.InformationRequestExpired;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.DecisionCorrected;
import rs.greenvoucher.api.application.DecisionEvent.InformationRequested;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;

/**
 * Keeps the limits' tables in step with the events, in the same transaction as the event append (the "limits"
 * processing group is subscribing and propagates errors, see application.yml and LimitsConfiguration).
 */
@Component
@ProcessingGroup(LimitsConfiguration.GROUP)
record LimitsProjection(JdbcClient jdbc) {

    /**
     * L1 and L3: a rejected or withdrawn application frees its enterprise completely, unless its voucher was
     * approved (then the MB stays a beneficiary for ever).
     */
    @EventHandler
    void on(ApplicationRejected event) {
        freeBeneficiary(event);
        release(event);
    }

    @EventHandler
    void on(ApplicationWithdrawn event) {
        freeBeneficiary(event);
        release(event);
    }

    /** An expired voucher frees its enterprise (L1) and gives its money back to the call (L4). */
    @EventHandler
    void on(VoucherExpired event) {
        release(event);
        jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", event.applicationId()).update();
        if (event.releasedAmount() != null) {
            jdbc.sql("update scheme_call set committed_eur = committed_eur - :amount where id = :call")
                    .param("amount", event.releasedAmount().amount()).param("call", event.callId()).update();
        }
    }

    /**
     * D3: the request's deadline, in the command's transaction (after the application, as its reminder and expiry
     * take it). A second request after a reply replaces the first's row.
     */
    @EventHandler
    void on(InformationRequested event) {
        jdbc.sql("""
                        insert into information_deadline (application_id, request_id, reply_by, remind_on, reminded)
                        values (:id, :request, :replyBy, :remindOn, false)
                        on conflict (application_id) do update set request_id = excluded.request_id, reply_by = excluded.reply_by,
                            remind_on = excluded.remind_on, reminded = false""")
                .param("id", event.applicationId()).param("request", event.decisionId()).param("replyBy", event.replyBy())
                .param("remindOn", InformationRules.remindOn(SchemeRules.day(event.occurredAt()), event.replyBy()))
                .update();
    }

    @EventHandler
    void on(InformationProvided event) {
        jdbc.sql("delete from information_deadline where application_id = :id").param("id", event.applicationId()).update();
    }

    /**
     * No reply in time: like a rejection, the enterprise is free again (L1; its MB stays a beneficiary only if the voucher
     * was approved), and an approved voucher's money goes back to the call (L4).
     */
    @EventHandler
    void on(InformationRequestExpired event) {
        freeBeneficiary(event);
        release(event);
        jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", event.applicationId()).update();
        if (event.releasedAmount() != null) {
            jdbc.sql("update scheme_call set committed_eur = committed_eur - :amount where id = :call")
                    .param("amount", event.releasedAmount().amount()).param("call", event.callId()).update();
        }
    }

    /**
     * A corrected approval gives its money back to the call (L4) and has no deadline any more; the rejection that
     * follows frees the enterprise. (The MB stays a beneficiary: L3 fixed it at the approval.)
     */
    @EventHandler
    void on(DecisionCorrected event) {
        if (event.releasedAmount() != null) {
            jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", event.applicationId()).update();
            jdbc.sql("update scheme_call set committed_eur = committed_eur - :amount where id = :call")
                    .param("amount", event.releasedAmount().amount()).param("call", event.callId()).update();
        }
    }

    /** L3: from its approval on, the MB is a beneficiary for ever. */
    @EventHandler
    void on(VoucherApproved event) {
        jdbc.sql("""
                        update enterprise_role set fixed_at = now()
                        where mb = (select mb from enterprise_claim where application_id = :id) and fixed_at is null""")
                .param("id", event.applicationId()).update();
        jdbc.sql("insert into voucher_deadline (application_id, valid_until) values (:id, :until) on conflict do nothing")
                .param("id", event.applicationId()).param("until", event.validUntil()).update();
    }

    @EventHandler
    void on(VoucherCompleted event) {
        jdbc.sql("delete from voucher_deadline where application_id = :id").param("id", event.applicationId()).update();
        freeSlot(event);
    }

    private void release(ApplicationEvent event) {
        jdbc.sql("delete from enterprise_claim where application_id = :id").param("id", event.applicationId()).update();
        freeSlot(event);
    }

    private void freeBeneficiary(ApplicationEvent event) {
        jdbc.sql("""
                        delete from enterprise_role where role = 'BENEFICIARY' and fixed_at is null
                          and mb = (select mb from enterprise_claim where application_id = :id)""")
                .param("id", event.applicationId()).update();
    }

    /** The account's cap on open applications counts this one no more. */
    private void freeSlot(ApplicationEvent event) {
        jdbc.sql("delete from applicant_slot where application_id = :id").param("id", event.applicationId()).update();
    }
}
