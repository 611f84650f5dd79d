package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The voucher's money after approval (docs/adr/0032): the providers' invoices, the enterprise's confirmation that a
 * service was delivered, and the payment orders to the providers, proposed by one MANAGER and approved by another,
 * then paid or declined. None of them changes the application's status; the payments come after COMPLETED.
 */
public sealed interface PaymentEvent extends ApplicationEvent {

    /** The provider the invoice or the payment is of. */
    String providerCode();

    /** Whose act it was (the audit trail's "who"): an account's id. */
    String by();

    /**
     * A provider of the voucher invoiced one of its services ({@code serviceIndex} in the form's services): its number
     * and date, the amount, and the PDF sealed in the document table (its SHA-256 here). Rules I1 and I2 held.
     */
    record InvoiceSubmitted(UUID applicationId, UUID invoiceId, String providerCode, int serviceIndex, String number,
                            LocalDate issuedOn, Money amount, UUID documentId, String sha256, String submittedBy,
                            ApplicationStatus currentStatus, Instant occurredAt) implements PaymentEvent {
        public ApplicationStatus status() {
            return currentStatus;
        }

        public String by() {
            return submittedBy;
        }

        public List<String> rules() {
            return List.of(RuleCode.I1.name(), RuleCode.I2.name());
        }
    }

    /** The enterprise confirmed that the invoiced service was delivered. */
    record DeliveryConfirmed(UUID applicationId, UUID invoiceId, String providerCode, String confirmedBy,
                             ApplicationStatus currentStatus, Instant occurredAt) implements PaymentEvent {
        public ApplicationStatus status() {
            return currentStatus;
        }

        public String by() {
            return confirmedBy;
        }
    }

    /**
     * A MANAGER proposed paying a provider: {@code sharePercent} of its confirmed invoices ({@code invoicedEur}), rounded
     * down to the cent and capped by what the approved voucher has left (I3). It waits for a second MANAGER.
     */
    record PaymentProposed(UUID applicationId, UUID paymentId, String providerCode, List<UUID> invoiceIds,
                           Money invoicedEur, BigDecimal sharePercent, Money amount, String proposedBy, Instant occurredAt)
            implements PaymentEvent {
        public ApplicationStatus status() {
            return ApplicationStatus.COMPLETED;
        }

        public String by() {
            return proposedBy;
        }

        public List<String> rules() {
            return List.of(RuleCode.I3.name());
        }
    }

    /** A second MANAGER approved the payment order; its amount is claimed from the call's budget (L4). */
    record PaymentApproved(UUID applicationId, UUID paymentId, String providerCode, UUID callId, Money amount,
                           String approvedBy, Instant occurredAt) implements PaymentEvent {
        public ApplicationStatus status() {
            return ApplicationStatus.COMPLETED;
        }

        public String by() {
            return approvedBy;
        }

        public List<String> rules() {
            return List.of(RuleCode.L4.name());
        }
    }

    /**
     * The payment order was declined, why, and by whom; its invoices can be proposed again. {@code releasedAmount} is
     * what goes back to the call's budget when it had been approved; null when it had only been proposed.
     */
    record PaymentDeclined(UUID applicationId, UUID paymentId, String providerCode, UUID callId, Money releasedAmount,
                           String reason, String declinedBy, Instant occurredAt) implements PaymentEvent {
        public ApplicationStatus status() {
            return ApplicationStatus.COMPLETED;
        }

        public String by() {
            return declinedBy;
        }

        public String why() {
            return reason;
        }
    }

    /** The approved payment left the bank: its reference; {@code allPaid} when no provider waits for money any more. */
    record PaymentMade(UUID applicationId, UUID paymentId, String providerCode, Money amount, String bankReference,
                       boolean allPaid, String markedBy, Instant occurredAt) implements PaymentEvent {
        public ApplicationStatus status() {
            return ApplicationStatus.COMPLETED;
        }

        public String by() {
            return markedBy;
        }

        public String why() {
            return "bank reference " + bankReference;
        }
    }
}
