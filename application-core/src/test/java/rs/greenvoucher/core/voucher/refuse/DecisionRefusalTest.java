package rs.greenvoucher.core.voucher.refuse;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.DecisionEvent.DecisionRefused;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** A decision the application could not take: every transition and every refusal, given events, when the command. */
class DecisionRefusalTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    @Test
    void aRefusedDecisionIsRecordedOnce() {
        fixture.given(submitted(), new ApplicationWithdrawn(ID, "", NOW))
                .when(new RefuseDecision(ID, D1, "INVALID_TRANSITION", "withdrawn meanwhile"))
                .expectEvents(new DecisionRefused(ID, D1, "INVALID_TRANSITION", "withdrawn meanwhile",
                        rs.greenvoucher.api.value.ApplicationStatus.WITHDRAWN, NOW));
        fixture.given(submitted(), new DecisionRefused(ID, D1, "X", "y", rs.greenvoucher.api.value.ApplicationStatus.SUBMITTED, NOW))
                .when(new RefuseDecision(ID, D1, "INVALID_TRANSITION", "again"))
                .expectNoEvents();
    }
}
