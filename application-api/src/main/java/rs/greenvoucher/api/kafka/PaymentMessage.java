package rs.greenvoucher.api.kafka;

import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The messages of {@link Topics#APPLICATION_EVENTS} about a voucher's money after approval (the events of
 * {@code PaymentEvent}, docs/adr/0032): each carries the event's fields, the status and MB every message has, and
 * {@code provider}, the provider it is about and the people to tell.
 */
public sealed interface PaymentMessage extends ApplicationMessage {

    ProviderContact provider();

    record InvoiceSubmitted(UUID applicationId, UUID invoiceId, String providerCode, int serviceIndex, String number,
                            LocalDate issuedOn, Money amount, UUID documentId, String sha256, String submittedBy,
                            Instant occurredAt, ApplicationStatus status, String enterpriseMb, ProviderContact provider)
            implements PaymentMessage {
    }

    record DeliveryConfirmed(UUID applicationId, UUID invoiceId, String providerCode, String confirmedBy,
                             Instant occurredAt, ApplicationStatus status, String enterpriseMb, ProviderContact provider)
            implements PaymentMessage {
    }

    record PaymentProposed(UUID applicationId, UUID paymentId, String providerCode, List<UUID> invoiceIds,
                           Money invoicedEur, BigDecimal sharePercent, Money amount, String proposedBy, Instant occurredAt,
                           ApplicationStatus status, String enterpriseMb, ProviderContact provider) implements PaymentMessage {
    }

    record PaymentApproved(UUID applicationId, UUID paymentId, String providerCode, UUID callId, Money amount,
                           String approvedBy, Instant occurredAt, ApplicationStatus status, String enterpriseMb,
                           ProviderContact provider) implements PaymentMessage {
    }

    record PaymentDeclined(UUID applicationId, UUID paymentId, String providerCode, UUID callId, Money releasedAmount,
                           String reason, String declinedBy, Instant occurredAt, ApplicationStatus status,
                           String enterpriseMb, ProviderContact provider) implements PaymentMessage {
    }

    /** {@code allPaid}: no provider of the voucher waits for money any more (the enterprise is told). */
    record PaymentMade(UUID applicationId, UUID paymentId, String providerCode, Money amount, String bankReference,
                       boolean allPaid, String markedBy, Instant occurredAt, ApplicationStatus status,
                       String enterpriseMb, ProviderContact provider) implements PaymentMessage {
    }
}
