package rs.greenvoucher.web.console;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.start.PublicData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decision panels: what each stage's panel shows, the request each form becomes, and the checks the page makes
 * before sending it (an overridden auto-check needs a note). The evaluation service and core decide; this only asks.
 */
@Component
class Decisions {

    /** The screening checklist: every eligibility and service rule, in the order of the scheme's rules. */
    static final List<String> SCREENING_RULES = List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10",
            "S1", "S2", "S3", "S4");
    /** Rules a committee may name when it rejects. */
    static final List<String> COMMITTEE_RULES = List.of("E4", "E5", "E10", "S1", "S2", "S3", "S4");
    static final List<String> CRITERIA = List.of("resourceEfficiency", "scalability", "innovation");

    interface Action {
        Result take();
    }

    /** What came of a form: sent (with the service's warnings), refused by a service, or not sent (field → message key). */
    record Result(List<String> warnings, ApiProblem problem, Map<String, String> errors) {
        static Result sent(Object answer) {
            return new Result(ServiceApi.list(ServiceApi.map(answer).get("warnings")).stream().map(String::valueOf).toList(),
                    null, Map.of());
        }

        static Result refused(ApiProblem problem) {
            return new Result(List.of(), problem, Map.of());
        }

        static Result invalid(Map<String, String> errors) {
            return new Result(List.of(), null, errors);
        }
    }

    record Rule(String code, Boolean auto, String detail, boolean passed, String note) {
        boolean overridden() {
            return auto != null && auto != passed;
        }
    }

    record ProviderRow(String code, String name, String kind, String city, boolean requested, boolean chosen, long activeVouchers) {
    }

    record IndicatorRow(String indicator, String unit, BigDecimal baseline, BigDecimal target, BigDecimal reported,
                        BigDecimal share) {
    }

    record Calculator(int total, boolean complete, BigDecimal totalCost, BigDecimal requested, BigDecimal sharePercent,
                      BigDecimal capByShare, BigDecimal callMaximum, BigDecimal remainingBudget, BigDecimal suggested,
                      BigDecimal amount, boolean amountTooHigh) {
    }

    private final ServiceApi api;
    private final PublicData publicData;

    Decisions(ServiceApi api, PublicData publicData) {
        this.api = api;
        this.publicData = publicData;
    }

    Map<String, Object> panel(String stage, Map<String, Object> workItem, Map<String, Object> app) {
        Map<String, Object> panel = new LinkedHashMap<>();
        Map<String, Object> application = ServiceApi.map(workItem.get("application"));
        switch (stage) {
            case "SCREENING" -> {
                List<Rule> rules = rules(ServiceApi.map(workItem.get("item")), Map.of());
                Map<String, String> asChecked = new LinkedHashMap<>();
                rules.forEach(r -> asChecked.put("rule." + r.code(), r.passed() ? "pass" : "fail"));
                panel.put("rules", rules);
                panel.put("preview", preview(asChecked));
            }
            case "PROVIDER_MATCHING" -> {
                panel.put("providers", providers(application, List.of()));
                panel.put("affiliation", Boolean.FALSE.equals(ServiceApi.map(application.get("declarations")).get("noAffiliation")));
            }
            case "COMMITTEE" -> panel.put("calc", calculator(workItem, app, Map.of()));
            case "COMPLETION_VERIFICATION" -> panel.put("indicators", indicators(application, app));
            default -> { }
        }
        return panel;
    }

    List<Rule> rules(Map<String, Object> item, Map<String, String> form) {
        Map<String, Map<String, Object>> auto = new LinkedHashMap<>();
        for (Object c : ServiceApi.list(item.get("autoChecks"))) {
            Map<String, Object> check = ServiceApi.map(c);
            auto.put(String.valueOf(check.get("rule")), check);
        }
        List<Rule> rules = new ArrayList<>();
        for (String code : SCREENING_RULES) {
            Map<String, Object> check = auto.get(code);
            Boolean autoPassed = check == null ? null : Boolean.TRUE.equals(check.get("passed"));
            String chosen = form.get("rule." + code);
            boolean passed = chosen == null ? autoPassed == null || autoPassed : "pass".equals(chosen);
            rules.add(new Rule(code, autoPassed, check == null ? null : rs.greenvoucher.web.portal.Texts.explanation(check), passed,
                    form.getOrDefault("note." + code, "")));
        }
        return rules;
    }

    Result screening(UUID id, Map<String, String> form) {
        Map<String, Object> item = ServiceApi.map(ServiceApi.map(api.get(Service.EVALUATION, "/api/work-items/" + id)).get("item"));
        List<Rule> rules = rules(item, form);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.overridden() && rule.note().isBlank()) {
                errors.put("note." + rule.code(), "console.error.overrideNote");
            }
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("rule", rule.code());
            check.put("passed", rule.passed());
            check.put("note", rule.note().isBlank() ? rule.detail() : rule.note().trim());
            checks.add(check);
        }
        if (!errors.isEmpty()) {
            return Result.invalid(errors);
        }
        boolean passed = rules.stream().allMatch(Rule::passed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", passed ? "PASS" : "FAIL");
        body.put("checks", checks);
        body.put("noteToApplicant", blankToNull(form.get("noteToApplicant")));
        return Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/screening", body));
    }

    /** What the applicant reads: the status in words, each failed rule in plain words, and the note. */
    Map<String, Object> preview(Map<String, String> form) {
        List<String> failed = new ArrayList<>();
        for (String code : SCREENING_RULES) {
            if ("fail".equals(form.get("rule." + code))) {
                failed.add(code);
            }
        }
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("status", failed.isEmpty() ? "SCREENED" : "REJECTED");
        preview.put("failed", failed);
        preview.put("note", form.getOrDefault("noteToApplicant", "").trim());
        return preview;
    }

    List<ProviderRow> providers(Map<String, Object> application, List<String> chosen) {
        List<String> requested = ServiceApi.list(application.get("providerCodes")).stream().map(String::valueOf).toList();
        Map<String, Long> load = new LinkedHashMap<>();
        for (Object l : ServiceApi.list(api.get(Service.EVALUATION, "/api/provider-load"))) {
            Map<String, Object> row = ServiceApi.map(l);
            load.put(String.valueOf(row.get("providerCode")), ((Number) row.get("activeVouchers")).longValue());
        }
        List<ProviderRow> rows = new ArrayList<>();
        for (Map<String, Object> p : publicData.activeProviders()) { // an inactive provider cannot be matched (P1)
            String code = String.valueOf(p.get("code"));
            boolean wanted = requested.contains(code);
            rows.add(new ProviderRow(code, (String) p.get("name"), String.valueOf(p.get("kind")), (String) p.get("city"), wanted,
                    chosen.isEmpty() ? wanted : chosen.contains(code), load.getOrDefault(code, 0L)));
        }
        rows.sort((a, b) -> Boolean.compare(b.requested(), a.requested()));
        return rows;
    }

    Result match(UUID id, List<String> providers, String note) {
        if (providers.isEmpty() || providers.size() > SchemeRules.MAX_PROVIDERS) {
            return Result.invalid(Map.of("providerCodes", "console.error.providers"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerCodes", providers);
        body.put("note", blankToNull(note));
        return Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/provider-match", body));
    }

    Result committee(UUID id, Map<String, String> form, List<String> rules) {
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
        BigDecimal amount = amount(form.get("voucherAmountEur"));
        if ("APPROVE".equals(decision) && (amount == null || amount.signum() <= 0)) {
            errors.put("voucherAmountEur", "console.error.amount");
        }
        if ("REJECT".equals(decision) && blankToNull(form.get("reason")) == null) {
            errors.put("reason", "console.error.reason");
        }
        if (!errors.isEmpty()) {
            return Result.invalid(errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("scores", scores);
        if ("APPROVE".equals(decision)) {
            body.put("voucherAmountEur", amount);
        }
        body.put("ruleCodes", "REJECT".equals(decision) ? rules : List.of());
        body.put("reason", blankToNull(form.get("reason")));
        return Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/decision", body));
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
            BigDecimal c = decimal(ServiceApi.map(s).get("costEur"));
            cost = cost.add(c == null ? BigDecimal.ZERO : c);
        }
        BigDecimal requested = decimal(project.get("requestedVoucherEur"));
        Map<String, Object> call = call(String.valueOf(app.get("callId")));
        BigDecimal share = decimal(call.get("maxSharePercent"));
        BigDecimal maximum = decimal(call.get("maxVoucherEur"));
        BigDecimal remaining = decimal(call.get("budgetEur")) == null ? null
                : decimal(call.get("budgetEur")).subtract(decimal(call.get("committedEur")));
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
        BigDecimal amount = form.containsKey("voucherAmountEur") ? amount(form.get("voucherAmountEur")) : suggested;
        boolean tooHigh = amount != null && ((byShare != null && amount.compareTo(byShare) > 0)
                || (maximum != null && amount.compareTo(maximum) > 0) || (remaining != null && amount.compareTo(remaining) > 0));
        return new Calculator(total, complete, cost, requested, share, byShare, maximum, remaining, suggested, amount, tooHigh);
    }

    Result verification(UUID id, Map<String, String> form) {
        String choice = form.get("accepted");
        if (!"true".equals(choice) && !"false".equals(choice)) {
            return Result.invalid(Map.of("accepted", "console.error.verification"));
        }
        if ("false".equals(choice) && blankToNull(form.get("note")) == null) {
            return Result.invalid(Map.of("note", "console.error.returnNote"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", Boolean.parseBoolean(choice));
        body.put("note", blankToNull(form.get("note")));
        return Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/completion-verification", body));
    }

    /** Each planned indicator beside what the report says was reached, and the share of the planned change achieved. */
    List<IndicatorRow> indicators(Map<String, Object> application, Map<String, Object> app) {
        Map<String, BigDecimal> reported = new LinkedHashMap<>();
        for (Object r : ServiceApi.list(ServiceApi.map(app.get("completionReport")).get("environmentalResults"))) {
            Map<String, Object> result = ServiceApi.map(r);
            reported.put(result.get("indicator") + "|" + result.get("unit"), decimal(result.get("value")));
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (Object t : ServiceApi.list(ServiceApi.map(application.get("project")).get("environmentalIndicators"))) {
            Map<String, Object> target = ServiceApi.map(t);
            BigDecimal baseline = decimal(target.get("baseline"));
            BigDecimal goal = decimal(target.get("target"));
            BigDecimal value = reported.get(target.get("indicator") + "|" + target.get("unit"));
            BigDecimal share = null;
            if (baseline != null && goal != null && value != null && goal.compareTo(baseline) != 0) {
                share = value.subtract(baseline).multiply(BigDecimal.valueOf(100))
                        .divide(goal.subtract(baseline), 0, RoundingMode.HALF_UP);
            }
            rows.add(new IndicatorRow(String.valueOf(target.get("indicator")), String.valueOf(target.get("unit")), baseline, goal,
                    value, share));
        }
        return rows;
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

    static BigDecimal amount(String value) {
        if (value == null || value.isBlank() || value.equals("null")) {
            return null;
        }
        try {
            return rs.greenvoucher.web.portal.Numbers.parse(value).setScale(2, RoundingMode.DOWN); // as typed, in the page's language
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
