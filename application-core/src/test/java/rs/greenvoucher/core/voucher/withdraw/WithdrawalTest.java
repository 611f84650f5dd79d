package rs.greenvoucher.core.voucher.withdraw;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Withdrawal: every transition and every refusal, given events, when the command. */
class WithdrawalTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    @Test
    void theApplicantWithdrawsBeforeApproval() {
        fixture.given(submitted(), screened()).when(new WithdrawApplication(ID, APPLICANT, "changed plans"))
                .expectEvents(new ApplicationWithdrawn(ID, "changed plans", NOW));
    }

    @Test
    void anApprovedVoucherCannotBeWithdrawn() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new WithdrawApplication(ID, APPLICANT, ""))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void someoneElsesApplicationDoesNotExistForThem() {
        fixture.given(submitted()).when(new WithdrawApplication(ID, "someone-else", ""))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
    }
}
