package rs.greenvoucher.core.voucher.attach;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.DocumentAttached;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeDrafts;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Attaching a document to an approved voucher: every transition and every refusal, given events, when the command. */
class AttachmentTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private final FakeDrafts store = new FakeDrafts();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(new FakeLimits(), store);

    private static Upload invoice(String provider) {
        return Upload.of("INVOICE", provider, "faktura-" + provider + ".pdf", PDF);
    }

    @Test
    void anInvoiceOfTheMatchedProviderIsAttachedToTheApprovedVoucher() {
        Upload upload = invoice("12");
        UUID id = UUID.nameUUIDFromBytes(upload.sha256().getBytes());
        fixture.given(submitted(), screened(), matched(), approved()).when(new AttachDocument(ID, APPLICANT, upload))
                .expectEvents(new DocumentAttached(ID, id, DocumentKind.INVOICE, "12", "faktura-12.pdf", "application/pdf",
                        1234, "a".repeat(64), APPLICANT, ApplicationStatus.APPROVED, NOW));
        assertThat(store.stored).hasSize(1);
    }

    @Test
    void anInvoiceOfAProviderNotOnTheVoucherIsRefused() {
        // 23 was requested, but only 12 was matched
        fixture.given(submitted(), screened(), matched(), approved()).when(new AttachDocument(ID, APPLICANT, invoice("23")))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
        assertThat(store.stored).isEmpty();
    }

    @Test
    void attachingBeforeApprovalIsAnInvalidTransition() {
        fixture.given(submitted(), screened()).when(new AttachDocument(ID, APPLICANT, invoice("12")))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void anOfferIsNotAttachedAfterTheSubmission() {
        fixture.given(submitted(), screened(), matched(), approved())
                .when(new AttachDocument(ID, APPLICANT, Upload.of("PROVIDER_OFFER", "12", "ponuda.pdf", PDF)))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void onlyTheApplicantAttaches() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new AttachDocument(ID, "someone-else", invoice("12")))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
    }
}
