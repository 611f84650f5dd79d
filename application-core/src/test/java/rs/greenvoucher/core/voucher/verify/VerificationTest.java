package rs.greenvoucher.core.voucher.verify;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.DecisionEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Verifying completion: every transition and every refusal, given events, when the command. */
class VerificationTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    @Test
    void aVerifiedCompletionPaysTheVoucher() {
        fixture.given(submitted(), screened(), matched(), approved(), new CompletionReported(ID, REPORT, NOW))
                .when(new VerifyCompletion(ID, D4, true, "verified", "eva"))
                .expectEvents(new VoucherCompleted(ID, D4, Money.eur("10800"), "verified", "eva", NOW));
    }

    @Test
    void aReturnedReportGoesBackToTheApplicant() {
        fixture.given(submitted(), screened(), matched(), approved(), new CompletionReported(ID, REPORT, NOW))
                .when(new VerifyCompletion(ID, D4, false, "invoices missing", "eva"))
                .expectEvents(new CompletionReportReturned(ID, D4, "invoices missing", "eva", NOW));
    }

    @Test
    void verifyingWithoutAReportIsAnInvalidTransition() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new VerifyCompletion(ID, D4, true, "", "eva"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION));
    }
}
