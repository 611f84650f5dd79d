package rs.greenvoucher.core.voucher.submit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.DocumentAttached;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeDrafts;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** A submission from a draft with documents, in a call that requires them (D1): given events, when the command. */
class SubmissionWithDocumentsTest {

    private final FakeLimits limits = new FakeLimits();
    private final FakeDrafts drafts = new FakeDrafts();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits, drafts);
    private final List<DocumentStore.Stored> all = new ArrayList<>(List.of(
            document(doc(1), ID, ID, DocumentKind.PROVIDER_OFFER, "12", "ponuda-12.pdf"),
            document(doc(2), ID, ID, DocumentKind.PROVIDER_OFFER, "23", "ponuda-23.pdf"),
            document(doc(3), ID, ID, DocumentKind.FINANCIAL_STATEMENTS, null, "bilans.pdf"),
            document(doc(4), ID, ID, DocumentKind.REGISTER_EXTRACT, null, "izvod-apr.pdf")));

    SubmissionWithDocumentsTest() {
        limits.parameters = CALL_REQUIRING_DOCUMENTS;
    }

    private static UUID doc(int n) {
        return UUID.fromString("0b6c2f4e-0000-4000-8000-00000000d00" + n);
    }

    private static DocumentAttached attached(DocumentStore.Stored d) {
        return new DocumentAttached(ID, d.id(), d.kind(), d.providerCode(), d.fileName(), "application/pdf", 1234,
                "a".repeat(64), APPLICANT, ApplicationStatus.SUBMITTED, NOW);
    }

    @Test
    void theDraftsDocumentsAreAttachedRightAfterTheSubmissionAndTheDraftGoes() {
        drafts.drafts.put(ID, all);
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, APPLICANT, form("12", "23"), "sr", "ana@example.rs", ID))
                .expectEvents(new ApplicationSubmitted(ID, "GIV-2026-000001", CALL, APPLICANT, form("12", "23"), NOW, "sr",
                        "ana@example.rs"), attached(all.get(0)), attached(all.get(1)), attached(all.get(2)), attached(all.get(3)));
        assertThat(drafts.submitted).containsExactly(ID);
    }

    @Test
    void aSubmissionWithoutAProvidersOfferIsRefusedByD1() {
        all.remove(1);
        drafts.drafts.put(ID, all);
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, APPLICANT, form("12", "23"), "sr", "ana@example.rs", ID))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.D1)).expectNoEvents();
        assertThat(drafts.submitted).isEmpty();
    }

    @Test
    void aSubmissionWithoutADraftIsRefusedByD1WhenTheCallRequiresDocuments() {
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("12"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.D1)).expectNoEvents();
    }

    @Test
    void aDraftThatIsNotTheApplicantsIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, APPLICANT, form("12"), "sr", "ana@example.rs", ID))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
        assertThat(limits.claimed).isEmpty();
    }
}
