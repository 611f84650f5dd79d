package rs.greenvoucher.web.console;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
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

    private final ServiceApi api;
    private final PublicData publicData;
    private final CommitteePanel committee;

    Decisions(ServiceApi api, PublicData publicData, CommitteePanel committee) {
        this.api = api;
        this.publicData = publicData;
        this.committee = committee;
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
            case "COMMITTEE" -> panel.put("calc", committee.calculator(workItem, app, Map.of()));
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
        body.put("noteToApplicant", FormValues.blankToNull(form.get("noteToApplicant")));
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
        body.put("note", FormValues.blankToNull(note));
        return Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/provider-match", body));
    }

    Result verification(UUID id, Map<String, String> form) {
        String choice = form.get("accepted");
        if (!"true".equals(choice) && !"false".equals(choice)) {
            return Result.invalid(Map.of("accepted", "console.error.verification"));
        }
        if ("false".equals(choice) && FormValues.blankToNull(form.get("note")) == null) {
            return Result.invalid(Map.of("note", "console.error.returnNote"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", Boolean.parseBoolean(choice));
        body.put("note", FormValues.blankToNull(form.get("note")));
        return Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/completion-verification", body));
    }

    /** Each planned indicator beside what the report says was reached, and the share of the planned change achieved. */
    List<IndicatorRow> indicators(Map<String, Object> application, Map<String, Object> app) {
        Map<String, BigDecimal> reported = new LinkedHashMap<>();
        for (Object r : ServiceApi.list(ServiceApi.map(app.get("completionReport")).get("environmentalResults"))) {
            Map<String, Object> result = ServiceApi.map(r);
            reported.put(result.get("indicator") + "|" + result.get("unit"), FormValues.decimal(result.get("value")));
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (Object t : ServiceApi.list(ServiceApi.map(application.get("project")).get("environmentalIndicators"))) {
            Map<String, Object> target = ServiceApi.map(t);
            BigDecimal baseline = FormValues.decimal(target.get("baseline"));
            BigDecimal goal = FormValues.decimal(target.get("target"));
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
}
