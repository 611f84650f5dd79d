package rs.greenvoucher.api;

import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * S4, the call's money rules, computed in one place for core (submission and the committee's decision), the
 * evaluators' auto-checks and the portal's calculation: at most the call's share of the service cost (the enterprise
 * pays the rest, E10), at most the call's largest voucher, every service at least the call's minimum, capital
 * equipment at most the call's share of the project.
 */
public record MoneyLimits(Money maxVoucher, BigDecimal maxSharePercent, Money minServiceCost, BigDecimal maxEquipmentSharePercent) {

    /** What breaks a rule, with the figures to say so. */
    public sealed interface Breach {
        /** A service below the call's minimum price (S4). */
        record ServiceUnderMinimum(int service, Money cost, Money minimum) implements Breach {
        }

        /** More than the call's largest voucher (S4). */
        record OverMaximum(Money requested, Money maximum) implements Breach {
        }

        /** More than the call's share of the cost (S4; E10: the enterprise would not pay its part). */
        record OverShare(Money requested, Money capByShare, BigDecimal sharePercent) implements Breach {
        }

        /** Capital equipment over the call's share of the project (S4). */
        record EquipmentOverShare(Money equipment, Money allowed, BigDecimal sharePercent) implements Breach {
        }
    }

    public static MoneyLimits of(CallParameters call) {
        return new MoneyLimits(call.maxVoucherEur(), call.maxSharePercent(), call.minServiceCostEur(),
                call.maxEquipmentSharePercent());
    }

    /** The call's share of the cost, rounded down to the cent: the voucher never pays more. */
    public Money capByShare(Money totalCost) {
        return totalCost.percent(maxSharePercent);
    }

    /** The most a voucher can be for this cost. */
    public Money cap(Money totalCost) {
        Money byShare = capByShare(totalCost);
        return byShare.isGreaterThan(maxVoucher) ? maxVoucher : byShare;
    }

    /** The breaches of a voucher amount for this total cost (the committee's check). */
    public List<Breach> amountBreaches(Money totalCost, Money amount) {
        List<Breach> breaches = new ArrayList<>();
        Money byShare = capByShare(totalCost);
        if (amount.isGreaterThan(byShare)) {
            breaches.add(new Breach.OverShare(amount, byShare, maxSharePercent));
        }
        if (amount.isGreaterThan(maxVoucher)) {
            breaches.add(new Breach.OverMaximum(amount, maxVoucher));
        }
        return breaches;
    }

    /** Every breach of an application's money: its services' prices, the requested voucher and its equipment. */
    public List<Breach> breaches(List<Money> serviceCosts, Money requested, Money equipment) {
        List<Breach> breaches = new ArrayList<>();
        Money total = Money.ZERO;
        for (int i = 0; i < serviceCosts.size(); i++) {
            Money cost = serviceCosts.get(i);
            total = total.plus(cost);
            if (cost.compareTo(minServiceCost) < 0) {
                breaches.add(new Breach.ServiceUnderMinimum(i, cost, minServiceCost));
            }
        }
        breaches.addAll(amountBreaches(total, requested));
        Money allowedEquipment = total.percent(maxEquipmentSharePercent);
        if (equipment != null && equipment.isGreaterThan(allowedEquipment)) {
            breaches.add(new Breach.EquipmentOverShare(equipment, allowedEquipment, maxEquipmentSharePercent));
        }
        return breaches;
    }

    /** A percentage as people write it: 90, 12.5. */
    public static String percent(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString();
    }
}
