package rs.greenvoucher.core.publishing;

import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.DecisionEvent;
import rs.greenvoucher.api.application.PaymentEvent;
import rs.greenvoucher.api.kafka.PaymentMessage;
import rs.greenvoucher.api.kafka.ProviderContact;
import rs.greenvoucher.api.kafka.ApplicationMessage.CallMoneyRules;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.DecisionMessage.NamedProvider;
import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.api.value.ProviderCode;

import java.util.List;
import java.util.function.Function;

/**
 * The mapping: each lifecycle event becomes its message on {@code gv.application.events} (api-contract.md, Kafka;
 * docs/api.md), the event's own fields plus what the contract adds. No I/O here: the lookups are given.
 */
final class EventPayload {

    /** What the message needs from core's own tables (PayloadLookups). */
    record Lookups(String enterpriseMb, CallMoneyRules callParameters, Function<ProviderCode, String> providerName,
                   Function<String, ProviderContact> providerContact, List<String> providers) {
    }

    private EventPayload() {
    }

    static ApplicationMessage of(ApplicationEvent event, Lookups lookups) {
        String mb = lookups.enterpriseMb();
        if (event instanceof ApplicationEvent.ApplicationSubmitted e) {
            return new ApplicationMessage.ApplicationSubmitted(e.applicationId(), e.trackingCode(), e.callId(), e.applicantId(),
                    e.form(), e.occurredAt(), e.applicantLanguage() == null ? "sr" : e.applicantLanguage(), e.applicantEmail(),
                    lookups.callParameters(), e.status(), mb);
        }
        if (event instanceof DecisionEvent.ApplicationScreened e) {
            return new DecisionMessage.ApplicationScreened(e.applicationId(), e.decisionId(), e.checks(), e.noteToApplicant(),
                    e.decidedBy(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof DecisionEvent.ProvidersMatched e) {
            // names for consumers that tell people (notifications)
            return new DecisionMessage.ProvidersMatched(e.applicationId(), e.decisionId(), e.providerCodes(),
                    e.providerCodes().stream().map(code -> new NamedProvider(code.value(), lookups.providerName().apply(code))).toList(),
                    e.note(), e.decidedBy(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof DecisionEvent.VoucherApproved e) {
            return new DecisionMessage.VoucherApproved(e.applicationId(), e.decisionId(), e.callId(), e.amount(), e.amount(),
                    e.validUntil(), e.scores(), e.reason(), e.decidedBy(), e.occurredAt(), e.status(), mb,
                    lookups.providers().stream().map(lookups.providerContact()).toList());
        }
        if (event instanceof DecisionEvent.ApplicationRejected e) {
            return new DecisionMessage.ApplicationRejected(e.applicationId(), e.decisionId(), e.stage(),
                    e.ruleCodes() == null ? null : e.ruleCodes().stream().map(Enum::name).toList(), e.reason(), e.scores(),
                    e.decidedBy(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof ApplicationEvent.ApplicationWithdrawn e) {
            return new ApplicationMessage.ApplicationWithdrawn(e.applicationId(), e.reason(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof ApplicationEvent.CompletionReported e) {
            return new ApplicationMessage.CompletionReported(e.applicationId(), e.report(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof DecisionEvent.CompletionReportReturned e) {
            return new DecisionMessage.CompletionReportReturned(e.applicationId(), e.decisionId(), e.note(), e.decidedBy(),
                    e.occurredAt(), e.status(), mb);
        }
        if (event instanceof DecisionEvent.VoucherCompleted e) {
            return new DecisionMessage.VoucherCompleted(e.applicationId(), e.decisionId(), e.paidAmount(), e.paidAmount(),
                    e.note(), e.decidedBy(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof ApplicationEvent.VoucherExpired e) {
            return new ApplicationMessage.VoucherExpired(e.applicationId(), e.callId(), e.releasedAmount(), e.occurredAt(),
                    e.status(), mb);
        }
        if (event instanceof DecisionEvent.DecisionRefused e) {
            return new DecisionMessage.DecisionRefused(e.applicationId(), e.decisionId(), e.code(), e.reason(),
                    e.currentStatus(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof ApplicationEvent.CorrectionProposed e) {
            return new ApplicationMessage.CorrectionProposed(e.applicationId(), e.correctionId(), e.stage(), e.kind().name(),
                    e.ruleCodes().stream().map(Enum::name).toList(), e.reason(), e.proposedBy(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof ApplicationEvent.CorrectionDeclined e) {
            return new ApplicationMessage.CorrectionDeclined(e.applicationId(), e.correctionId(), e.declinedBy(),
                    e.occurredAt(), e.status(), mb);
        }
        if (event instanceof DecisionEvent.DecisionCorrected e) {
            return new DecisionMessage.DecisionCorrected(e.applicationId(), e.correctionId(), e.stage(), e.kind().name(),
                    e.ruleCodes().stream().map(Enum::name).toList(), e.reason(), e.proposedBy(), e.decidedBy(),
                    e.releasedAmount(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof ApplicationEvent.PersonalDataErased e) {
            return new ApplicationMessage.PersonalDataErased(e.applicationId(), e.applicantId(), e.reason(), e.occurredAt(),
                    e.status(), mb);
        }
        if (event instanceof ApplicationEvent.DocumentAttached e) {
            return new ApplicationMessage.DocumentAttached(e.applicationId(), e.documentId(), e.kind().name(), e.providerCode(),
                    e.fileName(), e.mediaType(), e.sizeBytes(), e.sha256(), e.uploadedBy(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof DecisionEvent.InformationRequested e) {
            return new DecisionMessage.InformationRequested(e.applicationId(), e.decisionId(), e.stage(), e.message(),
                    e.documentKinds().stream().map(Enum::name).toList(), e.fields().stream().map(Enum::name).toList(),
                    e.replyBy(), e.decidedBy(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof ApplicationEvent.InformationProvided e) {
            return new ApplicationMessage.InformationProvided(e.applicationId(), e.requestId(), e.stage(), e.reply(),
                    e.changedFields().stream().map(Enum::name).toList(), e.form(), e.repliedBy(), e.returnedTo(),
                    e.occurredAt(), e.status(), mb);
        }
        if (event instanceof ApplicationEvent.ReplyReminderDue e) {
            return new ApplicationMessage.ReplyReminderDue(e.applicationId(), e.requestId(), e.replyBy(), e.occurredAt(),
                    e.status(), mb);
        }
        if (event instanceof ApplicationEvent.InformationRequestExpired e) {
            return new ApplicationMessage.InformationRequestExpired(e.applicationId(), e.requestId(), e.stage(), e.callId(),
                    e.releasedAmount(), e.replyBy(), e.rules(), e.occurredAt(), e.status(), mb);
        }
        if (event instanceof PaymentEvent p) {
            return payment(p, mb, lookups.providerContact().apply(p.providerCode()));
        }
        throw new IllegalArgumentException("no message for " + event.getClass().getSimpleName());
    }

    private static PaymentMessage payment(PaymentEvent event, String mb, ProviderContact provider) {
        if (event instanceof PaymentEvent.InvoiceSubmitted e) {
            return new PaymentMessage.InvoiceSubmitted(e.applicationId(), e.invoiceId(), e.providerCode(), e.serviceIndex(),
                    e.number(), e.issuedOn(), e.amount(), e.documentId(), e.sha256(), e.submittedBy(), e.occurredAt(), e.status(),
                    mb, provider);
        }
        if (event instanceof PaymentEvent.DeliveryConfirmed e) {
            return new PaymentMessage.DeliveryConfirmed(e.applicationId(), e.invoiceId(), e.providerCode(), e.confirmedBy(),
                    e.occurredAt(), e.status(), mb, provider);
        }
        if (event instanceof PaymentEvent.PaymentProposed e) {
            return new PaymentMessage.PaymentProposed(e.applicationId(), e.paymentId(), e.providerCode(), e.invoiceIds(),
                    e.invoicedEur(), e.sharePercent(), e.amount(), e.proposedBy(), e.occurredAt(), e.status(), mb, provider);
        }
        if (event instanceof PaymentEvent.PaymentApproved e) {
            return new PaymentMessage.PaymentApproved(e.applicationId(), e.paymentId(), e.providerCode(), e.callId(), e.amount(),
                    e.approvedBy(), e.occurredAt(), e.status(), mb, provider);
        }
        if (event instanceof PaymentEvent.PaymentDeclined e) {
            return new PaymentMessage.PaymentDeclined(e.applicationId(), e.paymentId(), e.providerCode(), e.callId(),
                    e.releasedAmount(), e.reason(), e.declinedBy(), e.occurredAt(), e.status(), mb, provider);
        }
        PaymentEvent.PaymentMade e = (PaymentEvent.PaymentMade) event;
        return new PaymentMessage.PaymentMade(e.applicationId(), e.paymentId(), e.providerCode(), e.amount(), e.bankReference(),
                e.allPaid(), e.markedBy(), e.occurredAt(), e.status(), mb, provider);
    }
}
