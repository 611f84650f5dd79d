package rs.greenvoucher.core.applicant;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.voucher.VoucherFixture.D4;
import static rs.greenvoucher.core.voucher.VoucherFixture.ID;
import static rs.greenvoucher.core.voucher.VoucherFixture.NOW;
import static rs.greenvoucher.core.voucher.VoucherFixture.REPORT;
import static rs.greenvoucher.core.voucher.VoucherFixture.approved;
import static rs.greenvoucher.core.voucher.VoucherFixture.matched;
import static rs.greenvoucher.core.voucher.VoucherFixture.rejectedAtScreening;
import static rs.greenvoucher.core.voucher.VoucherFixture.screened;
import static rs.greenvoucher.core.voucher.VoucherFixture.submitted;

/** The document core keeps per application is, field for field, the ApplicationView record the portal reads. */
class ApplicationDocumentTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private final ApplicationDocument document = new ApplicationDocument(json, code -> "Provider " + code.value());

    @Test
    void aCompletedVouchersDocumentReadsAsTheViewWithNothingLeftOver() {
        var doc = document.fold(List.of(submitted(), screened(), matched(), approved(),
                new CompletionReported(ID, REPORT, NOW), new VoucherCompleted(ID, D4, Money.eur("10800"), "ok", "eva", NOW)));

        ApplicationView view = strict.readValue(doc.toString(), ApplicationView.class);

        assertThat(view.status()).isEqualTo(ApplicationStatus.COMPLETED);
        assertThat(view.trackingCode()).isEqualTo("GIV-2026-000001");
        assertThat(view.enterprise().name()).isEqualTo("Eko Plast d.o.o.");
        assertThat(view.providers()).extracting(ApplicationView.NamedProvider::name).containsExactly("Provider 12");
        assertThat(view.voucher().amountEur()).isEqualByComparingTo("10800");
        assertThat(view.voucher().paidEur()).isEqualByComparingTo(new BigDecimal("10800"));
        assertThat(view.completionReport().summary()).isEqualTo("Line built");
        assertThat(view.timeline()).extracting(ApplicationView.TimelineEntry::status).containsExactly(ApplicationStatus.SUBMITTED,
                ApplicationStatus.SCREENED, ApplicationStatus.PROVIDER_MATCHED, ApplicationStatus.APPROVED,
                ApplicationStatus.COMPLETION_REPORTED, ApplicationStatus.COMPLETED);
    }

    @Test
    void aRejectionReadsAsTheViewsRejection() {
        ApplicationView view = strict.readValue(document.fold(List.of(submitted(), rejectedAtScreening())).toString(),
                ApplicationView.class);

        assertThat(view.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(view.rejection().ruleCodes()).containsExactly("E6");
        assertThat(view.rejection().reason()).isEqualTo("excluded sector");
        assertThat(view.voucher()).isNull();
    }
}
