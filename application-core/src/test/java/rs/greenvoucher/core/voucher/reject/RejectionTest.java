package rs.greenvoucher.core.voucher.reject;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import java.util.List;

import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** A rejection outside screening and the committee: every transition and every refusal, given events, when the command. */
class RejectionTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    @Test
    void rejectionAtMatching() {
        fixture.given(submitted(), screened())
                .when(new RejectApplication(ID, D2, Stage.PROVIDER_MATCHING, List.of(RuleCode.P1), "No provider fits", "eva"))
                .expectEvents(new ApplicationRejected(ID, D2, Stage.PROVIDER_MATCHING, List.of(RuleCode.P1), "No provider fits", null, "eva", NOW));
    }

    @Test
    void aRejectionAtTheWrongStageIsAnInvalidTransition() {
        fixture.given(submitted())
                .when(new RejectApplication(ID, D2, Stage.COMMITTEE, List.of(RuleCode.E5), "x", "eva"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION));
    }
}
