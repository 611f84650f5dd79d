package rs.greenvoucher.core.voucher.pay;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.application.PaymentEvent.DeliveryConfirmed;
import rs.greenvoucher.api.application.PaymentEvent.InvoiceSubmitted;
import rs.greenvoucher.api.application.PaymentEvent.PaymentApproved;
import rs.greenvoucher.api.application.PaymentEvent.PaymentDeclined;
import rs.greenvoucher.api.application.PaymentEvent.PaymentMade;
import rs.greenvoucher.api.application.PaymentEvent.PaymentProposed;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Payment orders with four eyes and L4 for the money: every transition and every refusal. */
class PaymentsTest {

    static final UUID INVOICE = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000001a1");
    static final UUID INVOICE_23 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000001a3");
    static final UUID PAYMENT = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000001b1");
    static final UUID AGAIN = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000001b2");
    static final String MANAGER_1 = "manager-1";
    static final String MANAGER_2 = "manager-2";
    static final BigDecimal SHARE = BigDecimal.valueOf(90);

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    static InvoiceSubmitted invoice(UUID id, String provider, String amount) {
        return new InvoiceSubmitted(ID, id, provider, 0, "F-" + provider, LocalDate.parse("2026-11-20"), Money.eur(amount),
                UUID.randomUUID(), "a".repeat(64), "provider-" + provider, ApplicationStatus.APPROVED, NOW);
    }

    static DeliveryConfirmed delivered(UUID id, String provider) {
        return new DeliveryConfirmed(ID, id, provider, APPLICANT, ApplicationStatus.APPROVED, NOW);
    }

    static VoucherCompleted completed() {
        return new VoucherCompleted(ID, D4, Money.eur("10800"), "verified", "eva", NOW);
    }

    /** A completed voucher of EUR 10 800 whose one invoice (EUR 11 000, provider 12) was delivered. */
    static Object[] completedWithADeliveredInvoice() {
        return new Object[]{submitted(), screened(), matched(), approved(), invoice(INVOICE, "12", "11000"),
                delivered(INVOICE, "12"), completed()};
    }

    static PaymentProposed proposed() {
        return new PaymentProposed(ID, PAYMENT, "12", List.of(INVOICE), Money.eur("11000"), SHARE, Money.eur("9900.00"),
                MANAGER_1, NOW);
    }

    static PaymentApproved paymentApproved() {
        return new PaymentApproved(ID, PAYMENT, "12", CALL, Money.eur("9900"), MANAGER_2, NOW);
    }

    private Object[] and(Object[] given, Object... more) {
        Object[] all = java.util.Arrays.copyOf(given, given.length + more.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }

    @Test
    void aManagerProposesTheCallsShareOfTheConfirmedInvoices() {
        fixture.given(completedWithADeliveredInvoice()).when(new ProposePayment(ID, PAYMENT, "12", MANAGER_1))
                .expectEvents(proposed());
    }

    @Test
    void theShareIsCappedByTheApprovedVoucher() {
        VoucherApproved small = new VoucherApproved(ID, D3, CALL, Money.eur("5000"), LocalDate.parse("2027-05-22"), SCORES,
                "good", "committee", NOW);
        fixture.given(submitted(), screened(), matched(), small, invoice(INVOICE, "12", "11000"), delivered(INVOICE, "12"),
                        new VoucherCompleted(ID, D4, Money.eur("5000"), "verified", "eva", NOW))
                .when(new ProposePayment(ID, PAYMENT, "12", MANAGER_1))
                .expectEvents(new PaymentProposed(ID, PAYMENT, "12", List.of(INVOICE), Money.eur("11000"), SHARE,
                        Money.eur("5000"), MANAGER_1, NOW));
    }

    @Test
    void noPaymentBeforeTheCompletionIsVerified() {
        fixture.given(submitted(), screened(), matched(), approved(), invoice(INVOICE, "12", "11000"), delivered(INVOICE, "12"))
                .when(new ProposePayment(ID, PAYMENT, "12", MANAGER_1))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void anInvoiceWhoseDeliveryIsNotConfirmedIsNotPaidI3() {
        fixture.given(submitted(), screened(), matched(), approved(), invoice(INVOICE, "12", "11000"), completed())
                .when(new ProposePayment(ID, PAYMENT, "12", MANAGER_1))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.I3)).expectNoEvents();
    }

    @Test
    void aSecondProposalWhileOneWaitsIsRefused() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed()))
                .when(new ProposePayment(ID, AGAIN, "12", MANAGER_2))
                .expectException(refused(RefusalCode.PAYMENT_PENDING)).expectNoEvents();
    }

    @Test
    void aProviderNotOnTheVoucherIsNotPaid() {
        fixture.given(completedWithADeliveredInvoice()).when(new ProposePayment(ID, PAYMENT, "23", MANAGER_1))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void anotherManagerApprovesAndTheAmountIsClaimedFromTheCall() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed()))
                .when(new ApprovePayment(ID, PAYMENT, MANAGER_2))
                .expectEvents(paymentApproved());
        assertThat(limits.paymentsLeft).isEqualTo(Money.eur("90100"));
    }

    @Test
    void theProposerCannotApproveFourEyes() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed()))
                .when(new ApprovePayment(ID, PAYMENT, MANAGER_1))
                .expectException(refused(RefusalCode.FOUR_EYES)).expectNoEvents();
        assertThat(limits.paymentsLeft).isEqualTo(Money.eur("100000"));
    }

    @Test
    void anApprovalPastTheCallsBudgetIsRefusedWithL4() {
        limits.paymentsLeft = Money.eur("9899.99");
        fixture.given(and(completedWithADeliveredInvoice(), proposed()))
                .when(new ApprovePayment(ID, PAYMENT, MANAGER_2))
                .expectException(refused(RefusalCode.CALL_BUDGET_EXCEEDED, RuleCode.L4)).expectNoEvents();
    }

    @Test
    void anApprovedOrderIsNotApprovedAgain() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed(), paymentApproved()))
                .when(new ApprovePayment(ID, PAYMENT, "manager-3"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void theBanksReferenceMarksItPaidAndEveryProviderIsPaid() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed(), paymentApproved()))
                .when(new MarkPaid(ID, PAYMENT, "RS35-2026-114", MANAGER_1))
                .expectEvents(new PaymentMade(ID, PAYMENT, "12", Money.eur("9900"), "RS35-2026-114", true, MANAGER_1, NOW));
    }

    @Test
    void notAllPaidWhileAnotherProvidersInvoiceWaits() {
        fixture.given(submitted(), screened(), rs.greenvoucher.core.voucher.invoice.InvoicingTest.matchedBoth(), approved(), invoice(INVOICE, "12", "5000"),
                        delivered(INVOICE, "12"), invoice(INVOICE_23, "23", "1000"), completed(),
                        new PaymentProposed(ID, PAYMENT, "12", List.of(INVOICE), Money.eur("5000"), SHARE, Money.eur("4500"),
                                MANAGER_1, NOW),
                        new PaymentApproved(ID, PAYMENT, "12", CALL, Money.eur("4500"), MANAGER_2, NOW))
                .when(new MarkPaid(ID, PAYMENT, "RS35-2026-114", MANAGER_1))
                .expectEvents(new PaymentMade(ID, PAYMENT, "12", Money.eur("4500"), "RS35-2026-114", false, MANAGER_1, NOW));
    }

    @Test
    void aProposedOrderIsNotPaid() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed()))
                .when(new MarkPaid(ID, PAYMENT, "RS35-2026-114", MANAGER_1))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void anApprovedOrderDeclinedGivesItsAmountBack() {
        limits.paymentsLeft = Money.eur("90100");
        fixture.given(and(completedWithADeliveredInvoice(), proposed(), paymentApproved()))
                .when(new DeclinePayment(ID, PAYMENT, "wrong account", MANAGER_1))
                .expectEvents(new PaymentDeclined(ID, PAYMENT, "12", CALL, Money.eur("9900"), "wrong account", MANAGER_1, NOW));
        assertThat(limits.paymentsLeft).isEqualTo(Money.eur("100000"));
    }

    @Test
    void aProposedOrderDeclinedReleasesNothing() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed()))
                .when(new DeclinePayment(ID, PAYMENT, "wrong share", MANAGER_2))
                .expectEvents(new PaymentDeclined(ID, PAYMENT, "12", CALL, null, "wrong share", MANAGER_2, NOW));
        assertThat(limits.paymentsLeft).isEqualTo(Money.eur("100000"));
    }

    @Test
    void aDeclinedOrdersInvoicesAreProposedAgain() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed(),
                        new PaymentDeclined(ID, PAYMENT, "12", CALL, null, "wrong share", MANAGER_2, NOW)))
                .when(new ProposePayment(ID, AGAIN, "12", MANAGER_2))
                .expectEvents(new PaymentProposed(ID, AGAIN, "12", List.of(INVOICE), Money.eur("11000"), SHARE,
                        Money.eur("9900"), MANAGER_2, NOW));
    }

    @Test
    void aPaidOrderIsNotDeclined() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed(), paymentApproved(),
                        new PaymentMade(ID, PAYMENT, "12", Money.eur("9900"), "RS35-2026-114", true, MANAGER_1, NOW)))
                .when(new DeclinePayment(ID, PAYMENT, "too late", MANAGER_2))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void aPaidVoucherHasNothingMoreToPay() {
        fixture.given(and(completedWithADeliveredInvoice(), proposed(), paymentApproved(),
                        new PaymentMade(ID, PAYMENT, "12", Money.eur("9900"), "RS35-2026-114", true, MANAGER_1, NOW)))
                .when(new ProposePayment(ID, AGAIN, "12", MANAGER_1))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.I3)).expectNoEvents();
    }

    @Test
    void anOrderTheVoucherDoesNotHaveIsNotFound() {
        fixture.given(completedWithADeliveredInvoice()).when(new ApprovePayment(ID, PAYMENT, MANAGER_2))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
    }
}
