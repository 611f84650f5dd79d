package rs.greenvoucher.web.console;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The committee's panel: three scores from 1 to 5, approve with an amount or reject with a reason and rules, and the
 * voucher calculator with the same arithmetic as core's S4 and L4. The evaluation service and core decide.
 */
@Component
class CommitteePanel {

    static final List<String> CRITERIA = List.of("resourceEfficiency", "scalability", "innovation");

    record Calculator(int total, boolean complete, BigDecimal totalCost, BigDecimal requested, BigDecimal sharePercent,
                      BigDecimal capByShare, BigDecimal callMaximum, BigDecimal remainingBudget, BigDecimal suggested,
                      BigDecimal amount, boolean amountTooHigh) {
    }

    private final ServiceApi api;

    CommitteePanel(ServiceApi api) {
        this.api = api;
    }

    Decisions.Result decide(UUID id, Map<String, String> form, List<String> rules) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String criterion : CRITERIA) {
            Integer score = score(form.get("score." + criterion));
            if (score == null) {
                errors.put("score." + criterion, "console.error.score");
            }
            scores.put(criterion, score);
        }
        String decision = form.get("decision");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            errors.put("decision", "console.error.decision");
        }
        BigDecimal amount = FormValues.amount(form.get("voucherAmountEur"));
        if ("APPROVE".equals(decision) && (amount == null || amount.signum() <= 0)) {
            errors.put("voucherAmountEur", "console.error.amount");
        }
        if ("REJECT".equals(decision) && FormValues.blankToNull(form.get("reason")) == null) {
            errors.put("reason", "console.error.reason");
        }
        if (!errors.isEmpty()) {
            return Decisions.Result.invalid(errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("scores", scores);
        if ("APPROVE".equals(decision)) {
            body.put("voucherAmountEur", amount);
        }
        body.put("ruleCodes", "REJECT".equals(decision) ? rules : List.of());
        body.put("reason", FormValues.blankToNull(form.get("reason")));
        return Decisions.Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/decision", body));
    }

    /** The three scores' total and the voucher's limits: the cap by share, the call's maximum, what the budget has left. */
    Calculator calculator(Map<String, Object> workItem, Map<String, Object> app, Map<String, String> form) {
        int total = 0;
        boolean complete = true;
        for (String criterion : CRITERIA) {
            Integer score = score(form.get("score." + criterion));
            if (score == null) {
                complete = false;
            } else {
                total += score;
            }
        }
        Map<String, Object> project = ServiceApi.map(ServiceApi.map(workItem.get("application")).get("project"));
        BigDecimal cost = BigDecimal.ZERO;
        for (Object s : ServiceApi.list(project.get("services"))) {
            BigDecimal c = FormValues.decimal(ServiceApi.map(s).get("costEur"));
            cost = cost.add(c == null ? BigDecimal.ZERO : c);
        }
        BigDecimal requested = FormValues.decimal(project.get("requestedVoucherEur"));
        Map<String, Object> call = call(String.valueOf(app.get("callId")));
        BigDecimal share = FormValues.decimal(call.get("maxSharePercent"));
        BigDecimal maximum = FormValues.decimal(call.get("maxVoucherEur"));
        BigDecimal remaining = FormValues.decimal(call.get("budgetEur")) == null ? null
                : FormValues.decimal(call.get("budgetEur")).subtract(FormValues.decimal(call.get("committedEur")));
        BigDecimal byShare = null;
        BigDecimal suggested = requested;
        if (share != null && maximum != null && cost.signum() > 0) {
            MoneyLimits limits = new MoneyLimits(Money.eur(maximum), share, SchemeRules.DEFAULT_MIN_SERVICE_COST,
                    SchemeRules.DEFAULT_MAX_EQUIPMENT_SHARE_PERCENT);
            Money totalCost = Money.eur(cost.setScale(2, RoundingMode.DOWN));
            byShare = limits.capByShare(totalCost).amount();
            BigDecimal cap = limits.cap(totalCost).amount();
            suggested = requested == null ? cap : requested.min(cap);
            if (remaining != null) {
                suggested = suggested.min(remaining.max(BigDecimal.ZERO));
            }
        }
        BigDecimal amount = form.containsKey("voucherAmountEur") ? FormValues.amount(form.get("voucherAmountEur")) : suggested;
        boolean tooHigh = amount != null && ((byShare != null && amount.compareTo(byShare) > 0)
                || (maximum != null && amount.compareTo(maximum) > 0) || (remaining != null && amount.compareTo(remaining) > 0));
        return new Calculator(total, complete, cost, requested, share, byShare, maximum, remaining, suggested, amount, tooHigh);
    }

    private Map<String, Object> call(String callId) {
        for (Object c : ServiceApi.list(api.get(Service.CORE, "/api/calls"))) {
            if (callId.equals(ServiceApi.map(c).get("id"))) {
                return ServiceApi.map(c);
            }
        }
        return Map.of();
    }

    private static Integer score(String value) {
        try {
            int score = Integer.parseInt(value == null ? "" : value.trim());
            return score >= 1 && score <= 5 ? score : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
