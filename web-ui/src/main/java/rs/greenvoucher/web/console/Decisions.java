package rs.greenvoucher.web.console;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.DecisionAccepted;
import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.web.portal.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision panels of the console, one per stage: what each shows, the request its form becomes and the checks the
 * page makes before sending it. The evaluation service and core decide; the panels only ask.
 */
@Component
record Decisions(ScreeningPanel screening, MatchingPanel matching, VerificationPanel verification,
                 CommitteePanel committee) {

    interface Action {
        Result take();
    }

    /** What came of a form: sent (with the service's warnings), refused by a service, or not sent (field → message key). */
    record Result(List<String> warnings, ApiProblem problem, Map<String, String> errors) {
        static Result sent(DecisionAccepted answer) {
            return new Result(answer.warnings() == null ? List.of() : answer.warnings(), null, Map.of());
        }

        static Result refused(ApiProblem problem) {
            return new Result(List.of(), problem, Map.of());
        }

        static Result invalid(Map<String, String> errors) {
            return new Result(List.of(), null, errors);
        }
    }

    Map<String, Object> panel(Stage stage, WorkItem workItem, ApplicationView app) {
        Map<String, Object> panel = new LinkedHashMap<>();
        ApplicationForm application = workItem.application();
        switch (stage) {
            case SCREENING -> {
                List<ScreeningPanel.Rule> rules = screening.rules(workItem.item(), Map.of());
                Map<String, String> asChecked = new LinkedHashMap<>();
                rules.forEach(r -> asChecked.put("rule." + r.code(), r.passed() ? "pass" : "fail"));
                panel.put("rules", rules);
                panel.put("preview", screening.preview(asChecked));
            }
            case PROVIDER_MATCHING -> {
                panel.put("providers", matching.providers(application, List.of()));
                panel.put("affiliation", application.declarations() != null
                        && Boolean.FALSE.equals(application.declarations().noAffiliation()));
            }
            case COMMITTEE -> panel.put("calc", committee.calculator(workItem, app, Map.of()));
            case COMPLETION_VERIFICATION -> panel.put("indicators", verification.indicators(application, app));
            default -> { }
        }
        return panel;
    }
}
