package rs.greenvoucher.api;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** S4 in one place: the figures core, the auto-checks and the portal all use. */
class MoneyLimitsTest {

    private final MoneyLimits call = SchemeRules.FIRST_CALL_MONEY;

    @Test
    void theShareIsRoundedDownToTheCentAndTheCapIsTheSmallerOfShareAndMaximum() {
        assertThat(call.capByShare(Money.eur("1000.01"))).isEqualTo(Money.eur("900.00")); // 900.009 → 900.00
        assertThat(call.cap(Money.eur("12000"))).isEqualTo(Money.eur("10800"));
        assertThat(call.cap(Money.eur("50000"))).isEqualTo(Money.eur("20000"));
    }

    @Test
    void anAmountCanBreakTheShareAndTheMaximumTogether() {
        assertThat(call.amountBreaches(Money.eur("30000"), Money.eur("28000"))).containsExactly(
                new MoneyLimits.Breach.OverShare(Money.eur("28000"), Money.eur("27000"), BigDecimal.valueOf(90)),
                new MoneyLimits.Breach.OverMaximum(Money.eur("28000"), Money.eur("20000")));
        assertThat(call.amountBreaches(Money.eur("12000"), Money.eur("10800"))).isEmpty();
    }

    @Test
    void everyServiceMeetsTheMinimumAndEquipmentStaysWithinItsShare() {
        List<MoneyLimits.Breach> breaches = call.breaches(List.of(Money.eur("12000"), Money.eur("3999.99")),
                Money.eur("10000"), Money.eur("3200"));
        assertThat(breaches).containsExactly(
                new MoneyLimits.Breach.ServiceUnderMinimum(1, Money.eur("3999.99"), Money.eur("4000")),
                new MoneyLimits.Breach.EquipmentOverShare(Money.eur("3200"), Money.eur("3199.99"), BigDecimal.valueOf(20)));
    }
}
