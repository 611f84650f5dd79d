package rs.greenvoucher.web.console;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.api.http.DecisionAccepted;
import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return Decisions.Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/decision", body, DecisionAccepted.class));
    }

    /** The three scores' total and the voucher's limits: the cap by share, the call's maximum, what the budget has left. */
    Calculator calculator(WorkItem workItem, ApplicationView app, Map<String, String> form) {
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
        ApplicationForm.Project project = workItem.application().project();
        BigDecimal cost = BigDecimal.ZERO;
        for (ApplicationForm.Service s : project.services() == null ? List.<ApplicationForm.Service>of() : project.services()) {
            cost = cost.add(s.costEur() == null ? BigDecimal.ZERO : s.costEur().amount());
        }
        BigDecimal requested = project.requestedVoucherEur() == null ? null : project.requestedVoucherEur().amount();
        Optional<CallView> call = api.list(Service.CORE, "/api/calls", CallView.class).stream()
                .filter(c -> c.id().equals(app.callId())).findFirst();
        BigDecimal share = call.map(CallView::maxSharePercent).orElse(null);
        BigDecimal maximum = call.map(CallView::maxVoucherEur).orElse(null);
        BigDecimal remaining = call.map(c -> c.budgetEur().subtract(c.committedEur())).orElse(null);
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

    private static Integer score(String value) {
        try {
            int score = Integer.parseInt(value == null ? "" : value.trim());
            return score >= 1 && score <= 5 ? score : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
