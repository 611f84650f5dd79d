package rs.greenvoucher.core.voucher.invoice;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.PaymentEvent.DeliveryConfirmed;
import rs.greenvoucher.api.application.PaymentEvent.InvoiceSubmitted;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeDrafts;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.complete.ReportCompletion;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** The providers' invoices and the enterprise's confirmation of delivery: every transition and every refusal. */
public class InvoicingTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final UUID INVOICE = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000001a1");
    static final UUID OTHER_INVOICE = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000001a2");
    static final String PROVIDER_ACCOUNT = "provider-account-12";
    static final LocalDate ISSUED = LocalDate.parse("2026-11-20");

    private final FakeLimits limits = new FakeLimits();
    private final FakeDrafts store = new FakeDrafts();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits, store);

    static Upload pdf(String provider) {
        return Upload.of("INVOICE", provider, "faktura.pdf", PDF);
    }

    static SubmitInvoice submit(UUID invoice, String provider, int service, String number, String amount) {
        return new SubmitInvoice(ID, invoice, provider, PROVIDER_ACCOUNT, service, number, ISSUED, Money.eur(amount), pdf(provider));
    }

    /** The invoice event {@link #submit} makes, with the fake store's document. */
    static InvoiceSubmitted invoiced(UUID invoice, String provider, int service, String number, String amount) {
        return new InvoiceSubmitted(ID, invoice, provider, service, number, ISSUED, Money.eur(amount),
                UUID.nameUUIDFromBytes(pdf(provider).sha256().getBytes()), "a".repeat(64), PROVIDER_ACCOUNT,
                ApplicationStatus.APPROVED, NOW);
    }

    public static ProvidersMatched matchedBoth() {
        return new ProvidersMatched(ID, D2, List.of(new ProviderCode("12"), new ProviderCode("23")), "", "eva", NOW);
    }

    @Test
    void aProviderOfTheApprovedVoucherInvoicesItsService() {
        fixture.given(submitted(), screened(), matched(), approved())
                .when(submit(INVOICE, "12", 0, "TMF-114", "11000"))
                .expectEvents(invoiced(INVOICE, "12", 0, "TMF-114", "11000"));
        assertThat(store.stored).hasSize(1);
    }

    @Test
    void aProviderNotOnTheVoucherIsToldItDoesNotExist() {
        // 23 was requested, only 12 was matched
        fixture.given(submitted(), screened(), matched(), approved())
                .when(submit(INVOICE, "23", 0, "IMSI-1", "1000"))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
        assertThat(store.stored).isEmpty();
    }

    @Test
    void noInvoiceBeforeTheVoucherIsApproved() {
        fixture.given(submitted(), screened(), matched())
                .when(submit(INVOICE, "12", 0, "TMF-114", "1000"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void anInvoiceOverTheServicesAgreedCostIsRefusedWithI2() {
        fixture.given(submitted(), screened(), matched(), approved())
                .when(submit(INVOICE, "12", 0, "TMF-114", "12000.01"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.I2)).expectNoEvents();
        assertThat(store.stored).isEmpty();
    }

    @Test
    void invoicesOfOneServiceTogetherOverItsCostAreRefusedWithI2() {
        fixture.given(submitted(), screened(), matched(), approved(), invoiced(INVOICE, "12", 0, "TMF-114", "8000"))
                .when(submit(OTHER_INVOICE, "12", 0, "TMF-115", "4000.01"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.I2)).expectNoEvents();
    }

    @Test
    void aSecondInvoiceWithinTheCostIsAccepted() {
        fixture.given(submitted(), screened(), matched(), approved(), invoiced(INVOICE, "12", 0, "TMF-114", "8000"))
                .when(submit(OTHER_INVOICE, "12", 0, "TMF-115", "4000"))
                .expectEvents(invoiced(OTHER_INVOICE, "12", 0, "TMF-115", "4000"));
    }

    @Test
    void aServiceInvoicedByOneProviderIsNotInvoicedByAnotherI1() {
        fixture.given(submitted(), screened(), matchedBoth(), approved(), invoiced(INVOICE, "12", 0, "TMF-114", "1000"))
                .when(submit(OTHER_INVOICE, "23", 0, "IMSI-1", "1000"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.I1)).expectNoEvents();
    }

    @Test
    void theSameNumberTwiceIsRefused() {
        fixture.given(submitted(), screened(), matched(), approved(), invoiced(INVOICE, "12", 0, "TMF-114", "1000"))
                .when(submit(OTHER_INVOICE, "12", 0, "tmf-114", "1000"))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void aServiceTheProjectDoesNotHaveIsRefused() {
        fixture.given(submitted(), screened(), matched(), approved())
                .when(submit(INVOICE, "12", 1, "TMF-114", "1000"))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void anInvoiceDatedInTheFutureIsRefused() {
        fixture.given(submitted(), screened(), matched(), approved())
                .when(new SubmitInvoice(ID, INVOICE, "12", PROVIDER_ACCOUNT, 0, "TMF-114", LocalDate.parse("2026-12-01"),
                        Money.eur("1000"), pdf("12")))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void theProvidersInvoiceIsTheInvoiceTheCompletionReportAsksFor() {
        limits.parameters = CALL_REQUIRING_DOCUMENTS;
        fixture.given(submitted(), screened(), matched(), approved(), invoiced(INVOICE, "12", 0, "TMF-114", "11000"))
                .when(new ReportCompletion(ID, APPLICANT, REPORT))
                .expectEvents(new CompletionReported(ID, REPORT, NOW));
    }

    @Test
    void theEnterpriseConfirmsTheDelivery() {
        fixture.given(submitted(), screened(), matched(), approved(), invoiced(INVOICE, "12", 0, "TMF-114", "11000"))
                .when(new ConfirmDelivery(ID, INVOICE, APPLICANT))
                .expectEvents(new DeliveryConfirmed(ID, INVOICE, "12", APPLICANT, ApplicationStatus.APPROVED, NOW));
    }

    @Test
    void confirmingTwiceChangesNothing() {
        fixture.given(submitted(), screened(), matched(), approved(), invoiced(INVOICE, "12", 0, "TMF-114", "11000"),
                        new DeliveryConfirmed(ID, INVOICE, "12", APPLICANT, ApplicationStatus.APPROVED, NOW))
                .when(new ConfirmDelivery(ID, INVOICE, APPLICANT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlyTheApplicantConfirms() {
        fixture.given(submitted(), screened(), matched(), approved(), invoiced(INVOICE, "12", 0, "TMF-114", "11000"))
                .when(new ConfirmDelivery(ID, INVOICE, "someone-else"))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
    }

    @Test
    void anInvoiceTheVoucherDoesNotHaveIsNotFound() {
        fixture.given(submitted(), screened(), matched(), approved())
                .when(new ConfirmDelivery(ID, INVOICE, APPLICANT))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
    }
}
