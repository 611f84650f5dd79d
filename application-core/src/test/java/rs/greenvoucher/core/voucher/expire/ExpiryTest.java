package rs.greenvoucher.core.voucher.expire;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Expiry: every transition and every refusal, given events, when the command. */
class ExpiryTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    @Test
    void anApprovedVoucherExpiresAndACompletedOneDoesNot() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new ExpireVoucher(ID))
                .expectEvents(new VoucherExpired(ID, CALL, Money.eur("10800"), NOW));
        fixture.given(submitted(), screened(), matched(), approved(), new CompletionReported(ID, REPORT, NOW),
                        new VoucherCompleted(ID, D4, Money.eur("10800"), "", "eva", NOW))
                .when(new ExpireVoucher(ID)).expectNoEvents();
    }
}
