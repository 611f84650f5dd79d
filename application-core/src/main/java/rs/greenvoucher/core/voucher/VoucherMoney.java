package rs.greenvoucher.core.voucher;

import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.PaymentEvent;
import rs.greenvoucher.api.application.PaymentEvent.DeliveryConfirmed;
import rs.greenvoucher.api.application.PaymentEvent.InvoiceSubmitted;
import rs.greenvoucher.api.application.PaymentEvent.PaymentApproved;
import rs.greenvoucher.api.application.PaymentEvent.PaymentDeclined;
import rs.greenvoucher.api.application.PaymentEvent.PaymentMade;
import rs.greenvoucher.api.application.PaymentEvent.PaymentProposed;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A voucher's money after approval, as its events say it is, and the rules on it in one place: I1 (one provider per
 * service), I2 (a service's invoices within its cost), I3 (what a payment order may pay). Part of the aggregate's
 * state; changed only by {@link #on}.
 */
public final class VoucherMoney {

    public enum PaymentState { PROPOSED, APPROVED, PAID, DECLINED }

    public record Invoice(UUID id, String providerCode, int serviceIndex, String number, Money amount, boolean delivered,
                          UUID paymentId) {
    }

    public record Payment(UUID id, String providerCode, List<UUID> invoiceIds, Money amount, PaymentState state,
                          String proposedBy) {
        boolean live() {
            return state == PaymentState.PROPOSED || state == PaymentState.APPROVED;
        }
    }

    /** What a new payment order for a provider would be: its invoices, their total, the share and the amount. */
    public record Payable(List<UUID> invoiceIds, Money invoiced, BigDecimal sharePercent, Money amount) {
    }

    private final Map<UUID, Invoice> invoices = new LinkedHashMap<>();
    private final Map<UUID, Payment> payments = new LinkedHashMap<>();
    private final Map<Integer, String> serviceProvider = new HashMap<>();

    public Invoice invoice(UUID id) {
        Invoice invoice = invoices.get(id);
        if (invoice == null) {
            throw Refusal.notFound("No such invoice.");
        }
        return invoice;
    }

    public Payment payment(UUID id) {
        Payment payment = payments.get(id);
        if (payment == null) {
            throw Refusal.notFound("No such payment order.");
        }
        return payment;
    }

    /** I1 and I2, and one number per provider: refused with the field and the rule. */
    public void checkInvoice(String providerCode, int serviceIndex, String number, Money amount,
                             List<ApplicationForm.Service> services) {
        if (serviceIndex < 0 || serviceIndex >= services.size()) {
            throw Refusal.invalid("serviceIndex", "must name one of the project's " + services.size() + " services");
        }
        if (invoices.values().stream().anyMatch(i -> i.providerCode().equals(providerCode) && i.number().equalsIgnoreCase(number))) {
            throw Refusal.invalid("number", "invoice " + number + " was submitted already");
        }
        String owner = serviceProvider.get(serviceIndex);
        if (owner != null && !owner.equals(providerCode)) {
            throw new RuleViolation(RefusalCode.SCHEME_RULE_VIOLATED, List.of(RuleCode.I1),
                    "Another provider of the voucher invoices this service.",
                    List.of(new Refusal.Field("serviceIndex", "is invoiced by another provider")));
        }
        Money cost = services.get(serviceIndex).costEur();
        Money invoiced = invoicedFor(serviceIndex);
        if (invoiced.plus(amount).isGreaterThan(cost)) {
            throw new RuleViolation(RefusalCode.SCHEME_RULE_VIOLATED, List.of(RuleCode.I2),
                    "The invoices of this service would come to more than its agreed cost (EUR " + cost + "; EUR "
                            + cost.minus(invoiced) + " left).",
                    List.of(new Refusal.Field("amountEur", "is more than the EUR " + cost.minus(invoiced)
                            + " left of the service's agreed cost")));
        }
    }

    /**
     * I3: the provider's confirmed invoices that no order pays or proposes, at the call's share, rounded down to the
     * cent, within what the approved voucher has left after the other orders; refused when nothing is to be paid or an
     * order of the provider waits already.
     */
    public Payable payable(String providerCode, BigDecimal sharePercent, Money approved) {
        if (payments.values().stream().anyMatch(p -> p.live() && p.providerCode().equals(providerCode))) {
            throw new Refusal(RefusalCode.PAYMENT_PENDING, "A payment order for provider " + providerCode
                    + " waits already; approve or decline it first.");
        }
        List<Invoice> open = invoices.values().stream()
                .filter(i -> i.providerCode().equals(providerCode) && i.delivered() && i.paymentId() == null).toList();
        if (open.isEmpty()) {
            throw new RuleViolation(RefusalCode.SCHEME_RULE_VIOLATED, List.of(RuleCode.I3),
                    "Provider " + providerCode + " has no invoice whose delivery the enterprise confirmed and that is not paid.",
                    List.of(new Refusal.Field("providerCode", "has no confirmed invoice to pay")));
        }
        Money invoiced = open.stream().map(Invoice::amount).reduce(Money.ZERO, Money::plus);
        Money ordered = payments.values().stream().filter(p -> p.live() || p.state() == PaymentState.PAID)
                .map(Payment::amount).reduce(Money.ZERO, Money::plus);
        Money left = approved.isGreaterThan(ordered) ? approved.minus(ordered) : Money.ZERO;
        Money share = invoiced.percent(sharePercent);
        Money amount = share.isGreaterThan(left) ? left : share;
        if (amount.equals(Money.ZERO)) {
            throw new RuleViolation(RefusalCode.SCHEME_RULE_VIOLATED, List.of(RuleCode.I3),
                    "The approved voucher is paid out in full.", List.of());
        }
        return new Payable(open.stream().map(Invoice::id).toList(), invoiced, sharePercent, amount);
    }

    /** After {@code paying} is paid: no order waits and every invoice of every provider is paid. */
    public boolean allPaidAfter(UUID paying) {
        return payments.values().stream().noneMatch(p -> p.live() && !p.id().equals(paying))
                && invoices.values().stream().allMatch(i -> i.paymentId() != null
                && (i.paymentId().equals(paying) || payments.get(i.paymentId()).state() == PaymentState.PAID));
    }

    public List<Invoice> invoices() {
        return List.copyOf(invoices.values());
    }

    private Money invoicedFor(int serviceIndex) {
        return invoices.values().stream().filter(i -> i.serviceIndex() == serviceIndex).map(Invoice::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    void on(PaymentEvent event) {
        if (event instanceof InvoiceSubmitted e) {
            invoices.put(e.invoiceId(), new Invoice(e.invoiceId(), e.providerCode(), e.serviceIndex(), e.number(), e.amount(),
                    false, null));
            serviceProvider.putIfAbsent(e.serviceIndex(), e.providerCode());
        } else if (event instanceof DeliveryConfirmed e) {
            invoices.computeIfPresent(e.invoiceId(), (id, i) -> new Invoice(id, i.providerCode(), i.serviceIndex(), i.number(),
                    i.amount(), true, i.paymentId()));
        } else if (event instanceof PaymentProposed e) {
            payments.put(e.paymentId(), new Payment(e.paymentId(), e.providerCode(), e.invoiceIds(), e.amount(),
                    PaymentState.PROPOSED, e.proposedBy()));
            e.invoiceIds().forEach(id -> invoices.computeIfPresent(id, (k, i) -> new Invoice(k, i.providerCode(),
                    i.serviceIndex(), i.number(), i.amount(), i.delivered(), e.paymentId())));
        } else if (event instanceof PaymentApproved e) {
            payments.computeIfPresent(e.paymentId(), (id, p) -> withState(p, PaymentState.APPROVED));
        } else if (event instanceof PaymentMade e) {
            payments.computeIfPresent(e.paymentId(), (id, p) -> withState(p, PaymentState.PAID));
        } else if (event instanceof PaymentDeclined e) {
            payments.computeIfPresent(e.paymentId(), (id, p) -> withState(p, PaymentState.DECLINED));
            // its invoices can be proposed again
            invoices.replaceAll((id, i) -> Objects.equals(i.paymentId(), e.paymentId())
                    ? new Invoice(id, i.providerCode(), i.serviceIndex(), i.number(), i.amount(), i.delivered(), null) : i);
        }
    }

    private static Payment withState(Payment p, PaymentState state) {
        return new Payment(p.id(), p.providerCode(), p.invoiceIds(), p.amount(), state, p.proposedBy());
    }
}
