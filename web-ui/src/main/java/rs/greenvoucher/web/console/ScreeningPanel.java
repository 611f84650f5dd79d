package rs.greenvoucher.web.console;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.http.DecisionAccepted;
import rs.greenvoucher.api.http.QueueItem;
import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.Texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Screening: every eligibility and service rule with its auto-check, an override needing a note, and what the applicant will read. */
@org.springframework.stereotype.Component
record ScreeningPanel(ServiceApi api) {

    /** The screening checklist: every eligibility and service rule, in the order of the scheme's rules. */
    static final List<String> SCREENING_RULES = List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10",
            "S1", "S2", "S3", "S4");

    record Rule(String code, Boolean auto, String detail, boolean passed, String note) {
        boolean overridden() {
            return auto != null && auto != passed;
        }
    }

    List<Rule> rules(QueueItem item, Map<String, String> form) {
        Map<String, AutoChecks.AutoCheck> auto = new LinkedHashMap<>();
        for (AutoChecks.AutoCheck check : item.autoChecks() == null ? List.<AutoChecks.AutoCheck>of() : item.autoChecks()) {
            auto.put(check.rule().name(), check);
        }
        List<Rule> rules = new ArrayList<>();
        for (String code : SCREENING_RULES) {
            AutoChecks.AutoCheck check = auto.get(code);
            Boolean autoPassed = check == null ? null : check.passed();
            String chosen = form.get("rule." + code);
            boolean passed = chosen == null ? autoPassed == null || autoPassed : "pass".equals(chosen);
            rules.add(new Rule(code, autoPassed, check == null ? null : Texts.explanation(check), passed,
                    form.getOrDefault("note." + code, "")));
        }
        return rules;
    }

    Decisions.Result screening(UUID id, Map<String, String> form) {
        List<Rule> rules = rules(api.get(Service.EVALUATION, "/api/work-items/" + id, WorkItem.class).item(), form);
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
            return Decisions.Result.invalid(errors);
        }
        boolean passed = rules.stream().allMatch(Rule::passed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", passed ? "PASS" : "FAIL");
        body.put("checks", checks);
        body.put("noteToApplicant", FormValues.blankToNull(form.get("noteToApplicant")));
        return Decisions.Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/screening", body, DecisionAccepted.class));
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
}
