package rs.greenvoucher.core.voucher.complete;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.DocumentAttached;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
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

    @Test
    void completionWithoutTheInvoiceOfAMatchedProviderIsRefusedByD2() {
        limits.parameters = CALL_REQUIRING_DOCUMENTS;
        fixture.given(submitted(), screened(), matched(), approved()).when(new ReportCompletion(ID, APPLICANT, REPORT))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.D2)).expectNoEvents();
    }

    @Test
    void completionWithTheInvoiceOfEveryMatchedProviderIsReported() {
        limits.parameters = CALL_REQUIRING_DOCUMENTS;
        fixture.given(submitted(), screened(), matched(), approved(), new DocumentAttached(ID, D4, DocumentKind.INVOICE, "12",
                        "faktura.pdf", "application/pdf", 1234, "a".repeat(64), APPLICANT, ApplicationStatus.APPROVED, NOW))
                .when(new ReportCompletion(ID, APPLICANT, REPORT))
                .expectEvents(new CompletionReported(ID, REPORT, NOW));
    }
}
