package rs.greenvoucher.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.web.portal.ApiProblem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The forms of an item's decision panel: each stage's decision sent to the evaluation service, and on a refusal or an
 * invalid form the item's page again with what was typed and why; the committee's calculator and the screening's
 * preview as they are typed (htmx).
 */
@Controller
record DecisionForms(ItemModel items, ScreeningPanel screening, MatchingPanel matching, CommitteePanel committee,
                     VerificationPanel verification, InformationPanel information) {

    @PostMapping("/console/items/{id}/screening")
    String screening(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        return decide(id, model, form, () -> screening.screening(id, form));
    }

    @PostMapping("/console/items/{id}/provider-match")
    String match(@PathVariable UUID id, @RequestParam Map<String, String> form,
                 @RequestParam(name = "providerCodes", required = false) List<String> providers, Model model) {
        return decide(id, model, form, () -> matching.match(id, providers == null ? List.of() : providers, form.get("note")));
    }

    @PostMapping("/console/items/{id}/decision")
    String committee(@PathVariable UUID id, @RequestParam Map<String, String> form,
                     @RequestParam(name = "ruleCodes", required = false) List<String> rules, Model model) {
        return decide(id, model, form, () -> committee.decide(id, form, rules == null ? List.of() : rules));
    }

    @PostMapping("/console/items/{id}/completion-verification")
    String verification(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        return decide(id, model, form, () -> verification.verification(id, form));
    }

    @PostMapping("/console/items/{id}/information-request")
    String informationRequest(@PathVariable UUID id, @RequestParam Map<String, String> form,
                              @RequestParam(name = "documentKinds", required = false) List<String> kinds,
                              @RequestParam(name = "fields", required = false) List<String> fields, Model model) {
        return decide(id, model, form, () -> information.request(id, form, kinds == null ? List.of() : kinds,
                fields == null ? List.of() : fields));
    }

    /** The committee's live total and voucher calculator (htmx; the same arithmetic as core's S4 and L4). */
    @PostMapping("/console/items/{id}/calculator")
    String calculator(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        model.addAttribute("calc", committee.calculator(items.workItem(id), items.view(id), form));
        return "console/item :: calculator";
    }

    /** What the applicant will read after this screening (htmx preview). */
    @PostMapping("/console/items/{id}/preview")
    String preview(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        model.addAttribute("preview", screening.preview(form));
        return "console/item :: preview";
    }

    private String decide(UUID id, Model model, Map<String, String> form, Decisions.Action action) {
        Decisions.Result result;
        try {
            result = action.take();
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            result = Decisions.Result.refused(problem);
        }
        if (result.problem() == null && result.errors().isEmpty()) {
            String warn = result.warnings().isEmpty() ? "" : "&warning=" + URLEncoder.encode(String.join(" ", result.warnings()),
                    StandardCharsets.UTF_8);
            return "redirect:/console/items/" + id + "?decided" + warn;
        }
        WorkItem workItem = items.workItem(id);
        items.fill(id, workItem, model);
        model.addAttribute("form", form);
        boolean fourEyes = result.problem() != null && "FOUR_EYES".equals(result.problem().code());
        // four eyes is said in the stage's own words (the notice above the panel), not as the corrections' refusal
        model.addAttribute("problem", fourEyes ? null : result.problem());
        if (fourEyes) {
            model.addAttribute("fourEyes", true);
        }
        model.addAttribute("errors", result.errors());
        if (model.getAttribute("panel") instanceof Map<?, ?> panel && panel.containsKey("calc")) {
            // the total and the calculator as the scores still ticked on the form say, not as an empty form would
            model.addAttribute("calc", committee.calculator(workItem, (ApplicationView) model.getAttribute("app"), form));
        }
        return "console/item";
    }
}
