package rs.greenvoucher.core.voucher;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationCommand.ConfirmCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.DecideOnApplication;
import rs.greenvoucher.api.application.ApplicationCommand.DeclineCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.ErasePersonalData;
import rs.greenvoucher.api.application.ApplicationCommand.ExpireVoucher;
import rs.greenvoucher.api.application.ApplicationCommand.MatchProviders;
import rs.greenvoucher.api.application.ApplicationCommand.ProposeCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.RejectApplication;
import rs.greenvoucher.api.application.ApplicationCommand.ReportCompletion;
import rs.greenvoucher.api.application.ApplicationCommand.ScreenApplication;
import rs.greenvoucher.api.application.ApplicationCommand.SubmitApplication;
import rs.greenvoucher.api.application.ApplicationCommand.VerifyCompletion;
import rs.greenvoucher.api.application.ApplicationCommand.WithdrawApplication;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationRejected;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationScreened;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionDeclined;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionKind;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.ApplicationEvent.DecisionCorrected;
import rs.greenvoucher.api.application.ApplicationEvent.DecisionRefused;
import rs.greenvoucher.api.application.ApplicationEvent.PersonalDataErased;
import rs.greenvoucher.api.application.ApplicationEvent.ProvidersMatched;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherApproved;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherCompleted;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.application.GreenRole;
import rs.greenvoucher.api.application.Indicator;
import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.application.Region;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.limits.Limits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;

/** Every transition and every refused transition of a voucher application, given events, when command. */
class VoucherApplicationTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final UUID ID = UUID.fromString("0b6c2f4e-0000-4000-8000-000000000001");
    static final UUID CALL = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000ca");
    static final String APPLICANT = "applicant-1";
    static final CallParameters CALL_PARAMETERS = new CallParameters("Call 2026", LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-12-31"), Money.eur("100000"), Money.eur("20000"), BigDecimal.valueOf(90), 6,
            Money.eur("4000"), BigDecimal.valueOf(20));

    AggregateTestFixture<VoucherApplication> fixture;
    FakeLimits limits;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VoucherApplication.class);
        limits = new FakeLimits();
        fixture.registerAnnotatedCommandHandler(
                new ApplicationCommandHandler(fixture.getRepository(), limits, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static ApplicationForm form(String... providerCodes) {
        return new ApplicationForm(
                new ApplicationForm.Enterprise(new Mb("20084693"), new Pib("101134702"), "Eko Plast d.o.o.",
                        "Jovana Nenada 15, 24000 Subotica", Region.VOJVODINA, new NaceCode("22.22"), LocalDate.parse("2015-03-01"),
                        Ownership.PRIVATE_DOMESTIC, 42, Money.eur("3100000"), Money.eur("2500000"), GreenRole.END_USER,
                        "Ana Petrović", "ana@example.rs"),
                new ApplicationForm.Project("Recycled PET packaging line", "A line for food-grade recycled PET",
                        List.of(new ApplicationForm.Service(ServiceType.PROTOTYPING, "Prototype", Money.eur("12000"), null)),
                        LocalDate.parse("2027-02-01"),
                        List.of(new ApplicationForm.IndicatorTarget(Indicator.WASTE_REDUCED, "t/year", BigDecimal.valueOf(120), BigDecimal.valueOf(80))),
                        Money.eur("10800"), null),
                List.of(providerCodes).stream().map(ProviderCode::new).toList(),
                new ApplicationForm.Declarations(true, true, true, true));
    }

    static ApplicationSubmitted submitted() {
        return new ApplicationSubmitted(ID, "GIV-2026-000001", CALL, APPLICANT, form("12", "23"), NOW, "sr", "ana@example.rs");
    }

    static final UUID D1 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000d1");
    static final UUID D2 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000d2");
    static final UUID D3 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000d3");
    static final UUID D4 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000d4");
    static final Scores SCORES = new Scores(4, 3, 5);

    static ApplicationScreened screened() {
        return new ApplicationScreened(ID, D1, List.of(new RuleCheck(RuleCode.E2, true, "")), "ok", "eva", NOW);
    }

    static ProvidersMatched matched() {
        return new ProvidersMatched(ID, D2, List.of(new ProviderCode("12")), "", "eva", NOW);
    }

    static VoucherApproved approved() {
        return new VoucherApproved(ID, D3, CALL, Money.eur("10800"), LocalDate.parse("2027-05-22"), SCORES, "good", "committee", NOW);
    }

    @Test
    void submissionClaimsTheEnterpriseAndIsSubmitted() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, APPLICANT, form("12", "23"), "sr", "ana@example.rs"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApplicationSubmitted(ID, "GIV-2026-000001", CALL, APPLICANT, form("12", "23"), NOW, "sr", "ana@example.rs"));
        assertThat(limits.claimed).containsKey("20084693");
    }

    @Test
    void anApplicantAtTheCapOfOpenApplicationsIsRefused() {
        limits.openApplicationsPerAccount = 1;
        limits.slots.put(UUID.randomUUID(), APPLICANT);
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, APPLICANT, form("12"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.TOO_MANY_OPEN_APPLICATIONS))
                .expectExceptionMessage("This account already has 1 applications in progress; withdraw one or wait for a decision.")
                .expectNoEvents();
    }

    @Test
    void aSubmissionWithFourProvidersIsRefusedByL2() {
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("01", "02", "03", "04"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.TOO_MANY_PROVIDERS, RuleCode.L2)).expectNoEvents();
    }

    @Test
    void aSubmissionWithAnUnknownProviderIsRefusedByP1() {
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("77"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.UNKNOWN_PROVIDER, RuleCode.P1))
                .expectExceptionMessage("Not on the list of active providers: 77.").expectNoEvents();
    }

    @Test
    void aSecondApplicationOfAnEnterpriseIsRefusedByL1() {
        limits.claimed.put("20084693", UUID.randomUUID());
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("12"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.ONE_VOUCHER_PER_ENTERPRISE, RuleCode.L1)).expectNoEvents();
    }

    @Test
    void aSubmissionWhoseServiceStartsTodayIsRefusedByE9() {
        ApplicationForm form = form("12");
        ApplicationForm.Project p = form.project();
        ApplicationForm startsToday = new ApplicationForm(form.enterprise(), new ApplicationForm.Project(p.title(), p.description(),
                p.services(), LocalDate.ofInstant(NOW, ZoneOffset.UTC), p.environmentalIndicators(), p.requestedVoucherEur(),
                p.capitalEquipmentEur()), form.providerCodes(), form.declarations());
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, startsToday, "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.E9)).expectNoEvents();
        assertThat(limits.claimed).isEmpty();
    }

    @Test
    void aSubmissionWithNoCallOpenIsRefused() {
        limits.open = false;
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("12"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.CALL_CLOSED))
                .expectExceptionMessage("No call is open for submissions today.").expectNoEvents();
    }

    @Test
    void screeningPassesOrRejectsWithTheFailedRules() {
        fixture.given(submitted())
                .when(new ScreenApplication(ID, D1, true, List.of(new RuleCheck(RuleCode.E2, true, "")), "ok", "eva"))
                .expectEvents(screened());
        fixture.given(submitted())
                .when(new ScreenApplication(ID, D1, false, List.of(new RuleCheck(RuleCode.E6, false, "winery"),
                        new RuleCheck(RuleCode.E2, true, "")), "Wine production is excluded.", "eva"))
                .expectEvents(new ApplicationRejected(ID, D1, Stage.SCREENING, List.of(RuleCode.E6), "Wine production is excluded.", null, "eva", NOW));
    }

    @Test
    void aFailedScreeningMustNameARule() {
        fixture.given(submitted()).when(new ScreenApplication(ID, D1, false, List.of(), "no", "eva"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED)).expectNoEvents();
    }

    @Test
    void aPassedScreeningMustNotHaveFailedChecks() {
        fixture.given(submitted()).when(new ScreenApplication(ID, D1, true, List.of(new RuleCheck(RuleCode.E6, false, "")), "", "eva"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.E6)).expectNoEvents();
    }

    @Test
    void aDecisionSeenBeforeChangesNothing() {
        fixture.given(submitted(), screened())
                .when(new ScreenApplication(ID, D1, true, List.of(), "again", "eva"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void screeningOutOfOrderIsAnInvalidTransition() {
        fixture.given(submitted(), screened())
                .when(new ScreenApplication(ID, UUID.randomUUID(), true, List.of(), "", "eva"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void matchingAnActiveProvider() {
        fixture.given(submitted(), screened())
                .when(new MatchProviders(ID, D2, List.of(new ProviderCode("12")), "", "eva"))
                .expectEvents(matched());
    }

    @Test
    void matchingNoProviderIsRefusedAsInvalid() {
        fixture.given(submitted(), screened())
                .when(new MatchProviders(ID, D2, List.of(), "", "eva"))
                .expectException(refused(RefusalCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void matchingFourProvidersIsRefusedByL2() {
        fixture.given(submitted(), screened())
                .when(new MatchProviders(ID, D2, List.of(new ProviderCode("01"), new ProviderCode("02"), new ProviderCode("03"), new ProviderCode("04")), "", "eva"))
                .expectException(refused(RefusalCode.TOO_MANY_PROVIDERS, RuleCode.L2)).expectNoEvents();
    }

    @Test
    void matchingAnUnknownProviderIsRefusedByP1() {
        fixture.given(submitted(), screened())
                .when(new MatchProviders(ID, D2, List.of(new ProviderCode("77")), "", "eva"))
                .expectException(refused(RefusalCode.UNKNOWN_PROVIDER, RuleCode.P1)).expectNoEvents();
    }

    @Test
    void matchingBeforeScreeningIsAnInvalidTransition() {
        fixture.given(submitted())
                .when(new MatchProviders(ID, D2, List.of(new ProviderCode("12")), "", "eva"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

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

    @Test
    void committeeApprovesWithinTheCallsMoneyRulesAndReservesTheBudget() {
        fixture.given(submitted(), screened(), matched())
                .when(new DecideOnApplication(ID, D3, true, Money.eur("10800"), SCORES, List.of(), "good", "committee"))
                .expectEvents(approved());
        assertThat(limits.reserved).isEqualByComparingTo("10800");
    }

    @Test
    void approvingMoreThanTheCallsShareIsRefusedByS4() {
        // more than 90 % of EUR 12,000
        fixture.given(submitted(), screened(), matched())
                .when(new DecideOnApplication(ID, D3, true, Money.eur("10800.01"), SCORES, List.of(), "", "c"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.S4)).expectNoEvents();
    }

    @Test
    void aDecisionNeedsThreeScoresFromOneToFive() {
        fixture.given(submitted(), screened(), matched())
                .when(new DecideOnApplication(ID, D3, true, Money.eur("5000"), new Scores(4, 9, 1), List.of(), "", "c"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED)).expectNoEvents();
    }

    @Test
    void approvingBeyondTheCallsBudgetIsRefusedByL4() {
        limits.budgetLeft = Money.eur("100");
        fixture.given(submitted(), screened(), matched())
                .when(new DecideOnApplication(ID, D3, true, Money.eur("5000"), SCORES, List.of(), "", "c"))
                .expectException(refused(RefusalCode.CALL_BUDGET_EXCEEDED, RuleCode.L4))
                .expectExceptionMessage("The call's remaining budget (EUR 100.00) does not cover this voucher.");
    }

    @Test
    void aDecisionBeforeProvidersAreMatchedIsAnInvalidTransition() {
        fixture.given(submitted(), screened())
                .when(new DecideOnApplication(ID, D3, true, Money.eur("5000"), SCORES, List.of(), "", "c"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION));
    }

    @Test
    void committeeRejects() {
        fixture.given(submitted(), screened(), matched())
                .when(new DecideOnApplication(ID, D3, false, null, SCORES, List.of(RuleCode.E5), "Weak finances", "committee"))
                .expectEvents(new ApplicationRejected(ID, D3, Stage.COMMITTEE, List.of(RuleCode.E5), "Weak finances", SCORES, "committee", NOW));
    }

    @Test
    void theApplicantWithdrawsBeforeApproval() {
        fixture.given(submitted(), screened()).when(new WithdrawApplication(ID, APPLICANT, "changed plans"))
                .expectEvents(new ApplicationWithdrawn(ID, "changed plans", NOW));
    }

    @Test
    void anApprovedVoucherCannotBeWithdrawn() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new WithdrawApplication(ID, APPLICANT, ""))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void someoneElsesApplicationDoesNotExistForThem() {
        fixture.given(submitted()).when(new WithdrawApplication(ID, "someone-else", ""))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
    }

    @Test
    void anAdminErasesThePersonalDataOfAWithdrawnApplication() {
        fixture.given(submitted(), new ApplicationWithdrawn(ID, "moved abroad", NOW))
                .when(new ErasePersonalData(ID, "request 2026-17", "admin-1"))
                .expectEvents(new PersonalDataErased(ID, APPLICANT, "request 2026-17", "admin-1",
                        rs.greenvoucher.api.value.ApplicationStatus.WITHDRAWN, NOW));
    }

    @Test
    void personalDataOfAnApplicationUnderWayIsNotErased() {
        fixture.given(submitted(), screened()).when(new ErasePersonalData(ID, "request 2026-17", "admin-1"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void personalDataIsNotErasedWhileACorrectionWaits() {
        fixture.given(submitted(), rejectedAtScreening(), reinstatementProposed())
                .when(new ErasePersonalData(ID, "request 2026-17", "admin-1"))
                .expectException(refused(RefusalCode.CORRECTION_PENDING)).expectNoEvents();
    }

    @Test
    void anApplicationWhoseDataIsErasedIsNotReinstated() {
        fixture.given(submitted(), rejectedAtScreening(), new PersonalDataErased(ID, APPLICANT, "r", "admin-1",
                        ApplicationStatus.REJECTED, NOW))
                .when(new ProposeCorrection(ID, C1, Stage.SCREENING, List.of(), "NACE read wrongly", "admin-2"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void personalDataErasedOnceIsNotErasedAgain() {
        fixture.given(submitted(), new ApplicationWithdrawn(ID, "", NOW), new PersonalDataErased(ID, APPLICANT, "r", "admin-1",
                        rs.greenvoucher.api.value.ApplicationStatus.WITHDRAWN, NOW))
                .when(new ErasePersonalData(ID, "again", "admin-2"))
                .expectNoEvents();
    }

    // ---- corrections with four eyes (docs/adr/0012)

    static final UUID C1 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000c1");

    static ApplicationRejected rejectedAtScreening() {
        return new ApplicationRejected(ID, D1, Stage.SCREENING, List.of(RuleCode.E6), "excluded sector", null, "eva", NOW);
    }

    static CorrectionProposed reinstatementProposed() {
        return new CorrectionProposed(ID, C1, Stage.SCREENING, CorrectionKind.REINSTATE, List.of(), "NACE read wrongly",
                "admin-1", ApplicationStatus.REJECTED, NOW);
    }

    @Test
    void anAdminProposesToReinstateAScreeningRejection() {
        fixture.given(submitted(), rejectedAtScreening())
                .when(new ProposeCorrection(ID, C1, Stage.SCREENING, List.of(), "NACE read wrongly", "admin-1"))
                .expectEvents(reinstatementProposed());
    }

    @Test
    void anAdminProposesToRejectAnApprovedVoucher() {
        fixture.given(submitted(), screened(), matched(), approved())
                .when(new ProposeCorrection(ID, C1, Stage.COMMITTEE, List.of(RuleCode.E7), "affiliated provider", "admin-1"))
                .expectEvents(new CorrectionProposed(ID, C1, Stage.COMMITTEE, CorrectionKind.REJECT, List.of(RuleCode.E7),
                        "affiliated provider", "admin-1", ApplicationStatus.APPROVED, NOW));
    }

    @Test
    void aCorrectionThatRejectsNamesTheRules() {
        fixture.given(submitted(), screened())
                .when(new ProposeCorrection(ID, C1, Stage.SCREENING, List.of(), "missed it", "admin-1"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED)).expectNoEvents();
    }

    @Test
    void thereIsNoCommitteeDecisionToCorrectBeforeTheCommittee() {
        fixture.given(submitted(), screened())
                .when(new ProposeCorrection(ID, C1, Stage.COMMITTEE, List.of(RuleCode.S3), "why", "admin-1"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void oneCorrectionWaitsAtATime() {
        fixture.given(submitted(), rejectedAtScreening(), reinstatementProposed())
                .when(new ProposeCorrection(ID, UUID.randomUUID(), Stage.SCREENING, List.of(), "again", "admin-2"))
                .expectException(refused(RefusalCode.CORRECTION_PENDING)).expectNoEvents();
    }

    @Test
    void whoProposedACorrectionCannotConfirmIt() {
        fixture.given(submitted(), rejectedAtScreening(), reinstatementProposed())
                .when(new ConfirmCorrection(ID, C1, "admin-1"))
                .expectException(refused(RefusalCode.FOUR_EYES)).expectNoEvents();
    }

    @Test
    void anotherAdminConfirmsAndTheApplicationIsBackAfterScreeningHoldingItsEnterprise() {
        fixture.given(submitted(), rejectedAtScreening(), reinstatementProposed())
                .when(new ConfirmCorrection(ID, C1, "admin-2"))
                .expectEvents(new DecisionCorrected(ID, C1, Stage.SCREENING, CorrectionKind.REINSTATE, List.of(),
                        "NACE read wrongly", "admin-1", "admin-2", CALL, null, ApplicationStatus.SCREENED, NOW));
        assertThat(limits.claimed).containsEntry("20084693", ID);
    }

    @Test
    void aConfirmedCorrectionOfAnApprovalReleasesTheVoucherAndRejects() {
        fixture.given(submitted(), screened(), matched(), approved(),
                        new CorrectionProposed(ID, C1, Stage.COMMITTEE, CorrectionKind.REJECT, List.of(RuleCode.E7),
                                "affiliated provider", "admin-1", ApplicationStatus.APPROVED, NOW))
                .when(new ConfirmCorrection(ID, C1, "admin-2"))
                .expectEvents(new DecisionCorrected(ID, C1, Stage.COMMITTEE, CorrectionKind.REJECT, List.of(RuleCode.E7),
                                "affiliated provider", "admin-1", "admin-2", CALL, Money.eur("10800"), ApplicationStatus.APPROVED, NOW),
                        new ApplicationRejected(ID, C1, Stage.COMMITTEE, List.of(RuleCode.E7), "affiliated provider", null, "admin-2", NOW));
    }

    @Test
    void aCorrectionIsNotConfirmedOnAnApplicationThatChangedSince() {
        fixture.given(submitted(), screened(), new CorrectionProposed(ID, C1, Stage.SCREENING, CorrectionKind.REJECT,
                        List.of(RuleCode.E6), "excluded", "admin-1", ApplicationStatus.SCREENED, NOW), matched())
                .when(new ConfirmCorrection(ID, C1, "admin-2"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void aDeclinedCorrectionChangesNothing() {
        fixture.given(submitted(), rejectedAtScreening(), reinstatementProposed())
                .when(new DeclineCorrection(ID, C1, "admin-2"))
                .expectEvents(new CorrectionDeclined(ID, C1, "admin-2", ApplicationStatus.REJECTED, NOW));
    }

    @Test
    void aDeclinedCorrectionCannotBeConfirmed() {
        fixture.given(submitted(), rejectedAtScreening(), reinstatementProposed(),
                        new CorrectionDeclined(ID, C1, "admin-2", ApplicationStatus.REJECTED, NOW))
                .when(new ConfirmCorrection(ID, C1, "admin-3"))
                .expectException(refused(RefusalCode.NOT_FOUND)).expectNoEvents();
    }

    @Test
    void aConfirmationSentTwiceTakesEffectOnce() {
        fixture.given(submitted(), rejectedAtScreening(), reinstatementProposed(),
                        new DecisionCorrected(ID, C1, Stage.SCREENING, CorrectionKind.REINSTATE, List.of(), "NACE read wrongly",
                                "admin-1", "admin-2", CALL, null, ApplicationStatus.SCREENED, NOW))
                .when(new ConfirmCorrection(ID, C1, "admin-2"))
                .expectNoEvents();
    }

    static final CompletionReport REPORT = new CompletionReport("Line built", List.of("Prototype", "Test report"), Money.eur("12000"),
            List.of(new CompletionReport.IndicatorResult(Indicator.WASTE_REDUCED, "t/year", BigDecimal.valueOf(78))));

    @Test
    void theApplicantReportsCompletion() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new ReportCompletion(ID, APPLICANT, REPORT))
                .expectEvents(new CompletionReported(ID, REPORT, NOW));
    }

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
    void completionBeforeApprovalIsAnInvalidTransition() {
        fixture.given(submitted(), screened()).when(new ReportCompletion(ID, APPLICANT, REPORT))
                .expectException(refused(RefusalCode.INVALID_TRANSITION));
    }

    @Test
    void verifyingWithoutAReportIsAnInvalidTransition() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new VerifyCompletion(ID, D4, true, "", "eva"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION));
    }

    @Test
    void anApprovedVoucherExpiresAndACompletedOneDoesNot() {
        fixture.given(submitted(), screened(), matched(), approved()).when(new ExpireVoucher(ID))
                .expectEvents(new VoucherExpired(ID, CALL, Money.eur("10800"), NOW));
        fixture.given(submitted(), screened(), matched(), approved(), new CompletionReported(ID, REPORT, NOW),
                        new VoucherCompleted(ID, D4, Money.eur("10800"), "", "eva", NOW))
                .when(new ExpireVoucher(ID)).expectNoEvents();
    }

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

    /** In-memory stand-in for the PostgreSQL limits (those are proven under concurrency in LimitsRaceIT). */
    static final class FakeLimits implements Limits {
        final Map<String, UUID> claimed = new HashMap<>();
        final Map<UUID, String> slots = new HashMap<>();
        int openApplicationsPerAccount = 10;
        final Set<String> active = new HashSet<>(Set.of("01", "02", "03", "04", "12", "23"));
        boolean open = true;
        Money budgetLeft = Money.eur("100000");
        BigDecimal reserved = BigDecimal.ZERO;

        @Override
        public void claimEnterprise(Mb mb, UUID applicationId) {
            if (claimed.putIfAbsent(mb.value(), applicationId) != null) {
                throw RuleViolation.oneVoucherPerEnterprise(mb.value());
            }
        }

        @Override
        public void claimProviderRole(Mb mb) {
            throw new UnsupportedOperationException("providers are qualified by the registry, not by an application");
        }

        @Override
        public void claimOpenApplicationSlot(String applicantId, UUID applicationId) {
            if (slots.values().stream().filter(applicantId::equals).count() >= openApplicationsPerAccount) {
                throw RuleViolation.tooManyOpenApplications(openApplicationsPerAccount);
            }
            slots.put(applicationId, applicantId);
        }

        @Override
        public void requireActiveProviders(List<ProviderCode> codes, String field) {
            List<String> unknown = codes.stream().map(ProviderCode::value).filter(c -> !active.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw RuleViolation.unknownProvider(field, unknown);
            }
        }

        @Override
        public Optional<OpenCall> callOpenOn(LocalDate day) {
            return open ? Optional.of(new OpenCall(CALL, CALL_PARAMETERS)) : Optional.empty();
        }

        @Override
        public CallParameters callParameters(UUID callId) {
            return CALL_PARAMETERS;
        }

        @Override
        public void reserveBudget(UUID callId, Money amount) {
            if (amount.isGreaterThan(budgetLeft)) {
                throw RuleViolation.callBudgetExceeded(budgetLeft.toString());
            }
            budgetLeft = budgetLeft.minus(amount);
            reserved = reserved.add(amount.amount());
        }

        @Override
        public String nextTrackingCode(int year) {
            return "GIV-" + year + "-000001";
        }
    }
}
