package rs.greenvoucher.web.apply;

import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.web.portal.FormPaths;
import rs.greenvoucher.web.start.PublicData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The live money panel: total cost, the voucher's cap by share and by the call's maximum, the applicant's share. */
record Totals(BigDecimal totalCost, BigDecimal sharePercent, BigDecimal capByShare, BigDecimal maxVoucher,
              BigDecimal cap, BigDecimal requested, BigDecimal ownShare, boolean overCap) {

    /** The panel of an API form, against the call open today (none: no caps). */
    static Totals of(Map<String, Object> apiForm, PublicData data) {
        List<BigDecimal> costs = new ArrayList<>();
        for (int i = 0; i < FormPaths.count(apiForm, "project.services"); i++) {
            if (FormPaths.get(apiForm, "project.services[" + i + "].costEur") instanceof BigDecimal cost) {
                costs.add(cost);
            }
        }
        Object requested = FormPaths.get(apiForm, "project.requestedVoucherEur");
        return of(costs, requested instanceof BigDecimal b ? b : null, data.openCall().orElse(null));
    }

    /** Against the call open today; with none (null) there are no caps to show. */
    static Totals of(List<BigDecimal> costs, BigDecimal requested, CallView call) {
        BigDecimal total = costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal own = requested == null ? null : total.subtract(requested).max(BigDecimal.ZERO);
        if (call == null || call.maxSharePercent() == null || call.maxVoucherEur() == null) {
            return new Totals(total, null, null, null, null, requested, own, false); // no open call: no caps to show
        }
        BigDecimal share = call.maxSharePercent();
        BigDecimal max = call.maxVoucherEur();
        // the same arithmetic as core's S4 check (rounded down to the cent)
        MoneyLimits limits = new MoneyLimits(Money.eur(max), share, SchemeRules.DEFAULT_MIN_SERVICE_COST,
                SchemeRules.DEFAULT_MAX_EQUIPMENT_SHARE_PERCENT);
        Money cost;
        try {
            cost = Money.eur(total.setScale(2, RoundingMode.DOWN));
        } catch (IllegalArgumentException notAnAmount) {
            return new Totals(total, null, null, null, null, requested, own, false); // negative or absurd: no caps yet
        }
        BigDecimal byShare = limits.capByShare(cost).amount();
        BigDecimal cap = limits.cap(cost).amount();
        return new Totals(total, share, byShare, max, cap, requested, own, requested != null && requested.compareTo(cap) > 0);
    }
}
