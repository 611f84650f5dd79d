package rs.greenvoucher.core.voucher.pay;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.PaymentEvent.PaymentApproved;
import rs.greenvoucher.api.application.PaymentEvent.PaymentDeclined;
import rs.greenvoucher.api.application.PaymentEvent.PaymentMade;
import rs.greenvoucher.api.application.PaymentEvent.PaymentProposed;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherMoney;
import rs.greenvoucher.core.voucher.VoucherMoney.PaymentState;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.util.Map;

/**
 * Payment orders to the providers of a completed voucher, with four eyes: one MANAGER proposes the voucher's share of a
 * provider's confirmed invoices (I3), another approves it, which claims it from the call's budget in the same
 * transaction (L4: the payments of a call never pass its budget), and the bank's reference marks it paid; or it is
 * declined, and its invoices wait for a new proposal.
 */
@Component
public record Payments(Vouchers vouchers, Limits limits, Clock clock) {

    @CommandHandler
    public PaymentProposed handle(ProposePayment command) {
        return vouchers.load(command).invoke(application -> {
            application.require(ApplicationStatus.COMPLETED, "propose a payment for");
            if (application.providers().stream().noneMatch(p -> p.value().equals(command.providerCode()))) {
                throw Refusal.invalid("providerCode", "is not a provider of this voucher");
            }
            VoucherMoney.Payable payable = application.money().payable(command.providerCode(),
                    limits.callParameters(application.callId()).maxSharePercent(), application.approvedAmount());
            PaymentProposed proposed = new PaymentProposed(command.applicationId(), command.paymentId(), command.providerCode(),
                    payable.invoiceIds(), payable.invoiced(), payable.sharePercent(), payable.amount(), command.proposedBy(),
                    clock.instant());
            application.record(proposed);
            return proposed;
        });
    }

    @CommandHandler
    public void handle(ApprovePayment command) {
        vouchers.load(command).execute(application -> {
            VoucherMoney.Payment order = order(application, command.paymentId(), PaymentState.PROPOSED, "approve");
            if (order.proposedBy().equals(command.approvedBy())) {
                throw new Refusal(RefusalCode.FOUR_EYES, "A payment order is approved by another MANAGER than the one who proposed it.");
            }
            limits.claimPaymentBudget(application.callId(), order.amount());
            application.record(new PaymentApproved(command.applicationId(), order.id(), order.providerCode(),
                    application.callId(), order.amount(), command.approvedBy(), clock.instant()));
        });
    }

    @CommandHandler
    public void handle(DeclinePayment command) {
        vouchers.load(command).execute(application -> {
            VoucherMoney.Payment order = application.money().payment(command.paymentId());
            if (order.state() != PaymentState.PROPOSED && order.state() != PaymentState.APPROVED) {
                throw stateRefusal("decline", order);
            }
            boolean approved = order.state() == PaymentState.APPROVED;
            if (approved) {
                limits.releasePaymentBudget(application.callId(), order.amount());
            }
            application.record(new PaymentDeclined(command.applicationId(), order.id(), order.providerCode(),
                    application.callId(), approved ? order.amount() : null, command.reason(), command.declinedBy(),
                    clock.instant()));
        });
    }

    @CommandHandler
    public void handle(MarkPaid command) {
        vouchers.load(command).execute(application -> {
            VoucherMoney.Payment order = order(application, command.paymentId(), PaymentState.APPROVED, "mark as paid");
            application.record(new PaymentMade(command.applicationId(), order.id(), order.providerCode(), order.amount(),
                    command.bankReference(), application.money().allPaidAfter(order.id()), command.markedBy(), clock.instant()));
        });
    }

    private static VoucherMoney.Payment order(VoucherApplication application, java.util.UUID id, PaymentState expected,
                                              String action) {
        VoucherMoney.Payment order = application.money().payment(id);
        if (order.state() != expected) {
            throw stateRefusal(action, order);
        }
        return order;
    }

    private static Refusal stateRefusal(String action, VoucherMoney.Payment order) {
        return new Refusal(RefusalCode.INVALID_TRANSITION, "Cannot " + action + " a payment order that is " + order.state() + ".",
                java.util.List.of(), java.util.List.of(), Map.of("currentState", order.state().name()));
    }
}
