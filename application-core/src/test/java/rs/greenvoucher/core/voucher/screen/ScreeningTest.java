package rs.greenvoucher.core.voucher.screen;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import java.util.List;
import java.util.UUID;

import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Screening: every transition and every refusal, given events, when the command. */
class ScreeningTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

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
}
