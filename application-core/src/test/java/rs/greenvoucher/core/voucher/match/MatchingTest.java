package rs.greenvoucher.core.voucher.match;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;
import java.util.List;

import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Provider matching: every transition and every refusal, given events, when the command. */
class MatchingTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

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
}
