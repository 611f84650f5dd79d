package rs.greenvoucher.core.voucher.complete;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Reporting completion: every transition and every refusal, given events, when the command. */
class CompletionReportingTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    @Test
    void theApplicantReportsCompletion() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new ReportCompletion(ID, APPLICANT, REPORT))
                .expectEvents(new CompletionReported(ID, REPORT, NOW));
    }

    @Test
    void completionBeforeApprovalIsAnInvalidTransition() {
        fixture.given(submitted(), screened()).when(new ReportCompletion(ID, APPLICANT, REPORT))
                .expectException(refused(RefusalCode.INVALID_TRANSITION));
    }
}
