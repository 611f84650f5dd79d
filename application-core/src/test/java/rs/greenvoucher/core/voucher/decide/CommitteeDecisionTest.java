package rs.greenvoucher.core.voucher.decide;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** The committee's decision: every transition and every refusal, given events, when the command. */
class CommitteeDecisionTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

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
}
