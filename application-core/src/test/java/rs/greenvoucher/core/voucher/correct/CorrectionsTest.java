package rs.greenvoucher.core.voucher.correct;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionDeclined;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionKind;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.DecisionCorrected;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Corrections with four eyes (docs/adr/0012): every transition and every refusal, given events, when the command. */
class CorrectionsTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

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
}
