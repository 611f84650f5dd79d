package rs.greenvoucher.core.voucher.inform;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.DocumentAttached;
import rs.greenvoucher.api.application.ApplicationEvent.InformationProvided;
import rs.greenvoucher.api.application.ApplicationEvent.InformationRequestExpired;
import rs.greenvoucher.api.application.ApplicationEvent.ReplyReminderDue;
import rs.greenvoucher.api.application.DecisionEvent.InformationRequested;
import rs.greenvoucher.api.application.InformationReply;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.attach.AttachDocument;
import rs.greenvoucher.core.voucher.VoucherFixture;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeDeadlineRows;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeDrafts;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.withdraw.WithdrawApplication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Rule D3, the request for more information: every transition and every refusal, one scenario each. */
class InformationRequestTest {

    static final UUID REQUEST = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000e1");
    static final LocalDate IN_14_DAYS = LocalDate.parse("2026-12-06");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    static final String STATEMENTS = "Please send the financial statements for 2024 and 2025.";

    private final FakeDeadlineRows rows = new FakeDeadlineRows();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(new FakeLimits(), new FakeDrafts(), rows);

    static InformationRequested askedAtScreening(List<DocumentKind> kinds, List<RequestedField> fields) {
        return new InformationRequested(ID, REQUEST, Stage.SCREENING, STATEMENTS, kinds, fields, IN_14_DAYS, "jelena", NOW);
    }

    static InformationRequested askedForStatements() {
        return askedAtScreening(List.of(DocumentKind.FINANCIAL_STATEMENTS), List.of());
    }

    static DocumentAttached statementsAttached() {
        return new DocumentAttached(ID, UUID.randomUUID(), DocumentKind.FINANCIAL_STATEMENTS, null, "bilans.pdf",
                "application/pdf", 1234, "a".repeat(64), APPLICANT, ApplicationStatus.INFORMATION_REQUESTED, NOW);
    }

    static RequestInformation ask(Stage stage, List<DocumentKind> kinds, LocalDate replyBy) {
        return new RequestInformation(ID, REQUEST, stage, STATEMENTS, kinds, List.of(), replyBy, "jelena");
    }

    @Test
    void anEvaluatorAsksAtScreeningWithTheCallsFourteenDays() {
        fixture.given(submitted()).when(ask(Stage.SCREENING, List.of(DocumentKind.FINANCIAL_STATEMENTS), null))
                .expectEvents(askedForStatements());
    }

    @Test
    void anEvaluatorAsksAtMatchingByTheirOwnDate() {
        fixture.given(submitted(), screened()).when(ask(Stage.PROVIDER_MATCHING, List.of(), LocalDate.parse("2026-11-30")))
                .expectEvents(new InformationRequested(ID, REQUEST, Stage.PROVIDER_MATCHING, STATEMENTS, List.of(), List.of(),
                        LocalDate.parse("2026-11-30"), "jelena", NOW));
    }

    @Test
    void anEvaluatorAsksAtCompletionVerificationForInvoices() {
        fixture.given(submitted(), screened(), matched(), approved(), new CompletionReported(ID, REPORT, NOW))
                .when(ask(Stage.COMPLETION_VERIFICATION, List.of(DocumentKind.INVOICE), null))
                .expectEvents(new InformationRequested(ID, REQUEST, Stage.COMPLETION_VERIFICATION, STATEMENTS,
                        List.of(DocumentKind.INVOICE), List.of(), IN_14_DAYS, "jelena", NOW));
    }

    @Test
    void askingAtAStageTheApplicationIsNotAtIsAnInvalidTransition() {
        fixture.given(submitted(), screened()).when(ask(Stage.SCREENING, List.of(), null))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void theCommitteeDoesNotAsk() {
        fixture.given(submitted(), screened(), matched()).when(ask(Stage.COMMITTEE, List.of(), null))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void aDocumentOfAnotherStageIsNotAskedFor() {
        fixture.given(submitted()).when(ask(Stage.SCREENING, List.of(DocumentKind.INVOICE), null))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void aReplyByDateOfTodayIsRefused() {
        fixture.given(submitted()).when(ask(Stage.SCREENING, List.of(), LocalDate.parse("2026-11-22")))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void aRequestWithoutWordsIsRefused() {
        fixture.given(submitted()).when(new RequestInformation(ID, REQUEST, Stage.SCREENING, " ", List.of(), List.of(), null, "jelena"))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void theSameRequestDeliveredTwiceIsAskedOnce() {
        fixture.given(submitted(), askedForStatements()).when(ask(Stage.SCREENING, List.of(), null)).expectNoEvents();
    }

    @Test
    void theApplicantRepliesWithTheStatementsAndTheApplicationIsBackAtScreeningForTheAsker() {
        fixture.given(submitted(), askedForStatements(), statementsAttached())
                .when(new ReplyToRequest(ID, APPLICANT, new InformationReply("Attached, both years.", null)))
                .expectEvents(new InformationProvided(ID, REQUEST, Stage.SCREENING, "Attached, both years.", List.of(), null,
                        APPLICANT, "jelena", ApplicationStatus.SUBMITTED, NOW))
                .expectState(application -> assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED));
    }

    @Test
    void aReplyWithoutTheDocumentAskedForIsRefusedByD3() {
        fixture.given(submitted(), askedForStatements())
                .when(new ReplyToRequest(ID, APPLICANT, new InformationReply("Here.", null)))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.D3)).expectNoEvents();
    }

    @Test
    void aReplyChangesTheFieldsAskedFor() {
        InformationReply reply = new InformationReply("We have 45 employees now.",
                new InformationReply.Changes(45, null, null, null));
        fixture.given(submitted(), askedAtScreening(List.of(), List.of(RequestedField.EMPLOYEES)))
                .when(new ReplyToRequest(ID, APPLICANT, reply))
                .expectEvents(new InformationProvided(ID, REQUEST, Stage.SCREENING, "We have 45 employees now.",
                        List.of(RequestedField.EMPLOYEES), reply.changes().applyTo(form("12", "23")), APPLICANT, "jelena",
                        ApplicationStatus.SUBMITTED, NOW))
                .expectState(application -> assertThat(application.form().enterprise().employees()).isEqualTo(45));
    }

    @Test
    void aFieldNotAskedForIsNotChanged() {
        fixture.given(submitted(), askedAtScreening(List.of(), List.of(RequestedField.EMPLOYEES)))
                .when(new ReplyToRequest(ID, APPLICANT, new InformationReply("Also the turnover.",
                        new InformationReply.Changes(45, Money.eur("1"), null, null))))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void anEmptyReplyIsRefused() {
        fixture.given(submitted(), askedAtScreening(List.of(), List.of()))
                .when(new ReplyToRequest(ID, APPLICANT, new InformationReply("  ", null)))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void onlyTheApplicantReplies() {
        fixture.given(submitted(), askedAtScreening(List.of(), List.of()))
                .when(new ReplyToRequest(ID, "someone-else", new InformationReply("Me.", null)))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
    }

    @Test
    void aReplyWithoutARequestIsAnInvalidTransition() {
        fixture.given(submitted()).when(new ReplyToRequest(ID, APPLICANT, new InformationReply("Unasked.", null)))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void aReplyAfterTheExpiryIsAnInvalidTransition() {
        fixture.given(submitted(), askedAtScreening(List.of(), List.of()), expired(null))
                .when(new ReplyToRequest(ID, APPLICANT, new InformationReply("Late.", null)))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void theDocumentAskedForIsAttachedWhileWaiting() {
        fixture.given(submitted(), askedForStatements())
                .when(new AttachDocument(ID, APPLICANT,
                        Upload.of("FINANCIAL_STATEMENTS", null, "bilans.pdf",
                                PDF)))
                .expectSuccessfulHandlerExecution()
                .expectState(application -> assertThat(application.attachedSinceRequest()).contains(DocumentKind.FINANCIAL_STATEMENTS));
    }

    @Test
    void aDocumentNotAskedForIsAttachedOnlyAsOther() {
        fixture.given(submitted(), askedForStatements())
                .when(new AttachDocument(ID, APPLICANT,
                        Upload.of("REGISTER_EXTRACT", null, "apr.pdf",
                                PDF)))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void anApplicationWaitingAtScreeningMayBeWithdrawn() {
        fixture.given(submitted(), askedForStatements()).when(new WithdrawApplication(ID, APPLICANT, "no longer needed"))
                .expectEvents(new ApplicationWithdrawn(ID, "no longer needed", NOW));
    }

    @Test
    void aVoucherWaitingAtCompletionMayNotBeWithdrawn() {
        fixture.given(submitted(), screened(), matched(), approved(), new CompletionReported(ID, REPORT, NOW),
                        new InformationRequested(ID, REQUEST, Stage.COMPLETION_VERIFICATION, STATEMENTS, List.of(), List.of(),
                                IN_14_DAYS, "jelena", NOW))
                .when(new WithdrawApplication(ID, APPLICANT, "changed our minds"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void theApplicantIsRemindedOnce() {
        fixture.given(submitted(), askedForStatements()).when(new RemindApplicant(ID, REQUEST))
                .expectEvents(new ReplyReminderDue(ID, REQUEST, IN_14_DAYS, NOW));
        assertThat(rows.reminded).isTrue();
    }

    @Test
    void aReminderAlreadySentOrHeldElsewhereIsNotSentAgain() {
        rows.held = true;
        fixture.given(submitted(), askedForStatements()).when(new RemindApplicant(ID, REQUEST)).expectNoEvents();
    }

    @Test
    void noReplyByTheDateExpiresTheApplicationAtItsStageUnderD3() {
        fixture.given(submitted(), askedForStatements()).when(new ExpireRequest(ID, REQUEST))
                .expectEvents(expired(null))
                .expectState(application -> assertThat(application.status()).isEqualTo(ApplicationStatus.EXPIRED));
        assertThat(rows.dropped).isTrue();
        assertThat(expired(null).rules()).containsExactly("D3");
    }

    @Test
    void anUnansweredRequestAtCompletionGivesTheVoucherBack() {
        fixture.given(submitted(), screened(), matched(), approved(), new CompletionReported(ID, REPORT, NOW),
                        new InformationRequested(ID, REQUEST, Stage.COMPLETION_VERIFICATION, STATEMENTS, List.of(), List.of(),
                                IN_14_DAYS, "jelena", NOW))
                .when(new ExpireRequest(ID, REQUEST))
                .expectEvents(new InformationRequestExpired(ID, REQUEST, Stage.COMPLETION_VERIFICATION, CALL,
                        Money.eur("10800"), IN_14_DAYS, NOW));
    }

    @Test
    void anAnsweredRequestDoesNotExpireAndLosesItsDeadline() {
        fixture.given(submitted(), askedForStatements(), statementsAttached(), new InformationProvided(ID, REQUEST,
                        Stage.SCREENING, "Here.", List.of(), null, APPLICANT, "jelena", ApplicationStatus.SUBMITTED, NOW))
                .when(new ExpireRequest(ID, REQUEST)).expectNoEvents();
        assertThat(rows.dropped).isTrue();
    }

    static InformationRequestExpired expired(Money released) {
        return new InformationRequestExpired(ID, REQUEST, Stage.SCREENING, CALL, released, IN_14_DAYS, NOW);
    }
}
