package rs.greenvoucher.web.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.SignedIn;
import rs.greenvoucher.web.start.PublicData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An item of the evaluators' console: the application as submitted, the decision panel of its stage, the claim, and
 * each decision taken and followed until core has applied or refused it. Managers see it read-only (the evaluation
 * service refuses their actions anyway).
 */
@Controller
record ItemPage(ServiceApi api, Decisions decisions, CommitteePanel committee, PublicData data) {

    @PostMapping("/console/items/{id}/claim")
    String claim(@PathVariable UUID id, @RequestParam(defaultValue = "item") String back,
                 @RequestParam(defaultValue = "SCREENING") String stage, @RequestParam(defaultValue = "all") String filter) {
        try {
            api.post(Service.EVALUATION, "/api/work-items/" + id + "/claim", Map.of());
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            // someone else was first: the row (or the item) says who and since when
            return back.equals("queue") ? "redirect:/console?stage=" + QueuePage.stage(stage) + "&filter=" + QueuePage.filter(filter) + "&conflict=" + id
                    : "redirect:/console/items/" + id + "?conflict";
        }
        return "redirect:/console/items/" + id + "?claimed";
    }

    @PostMapping("/console/items/{id}/release")
    String release(@PathVariable UUID id) {
        api.post(Service.EVALUATION, "/api/work-items/" + id + "/release", Map.of());
        return "redirect:/console/items/" + id + "?released";
    }

    @GetMapping("/console/items/{id}")
    String item(@PathVariable UUID id, Model model) {
        Map<String, Object> workItem = ServiceApi.map(api.get(Service.EVALUATION, "/api/work-items/" + id));
        itemModel(id, workItem, model);
        return "console/item";
    }

    /** While a decision is pending: the page polls this; once core has applied or refused it, the page reloads. */
    @GetMapping("/console/items/{id}/state")
    String state(@PathVariable UUID id, Model model, HttpServletResponse response) {
        Map<String, Object> item = ServiceApi.map(ServiceApi.map(api.get(Service.EVALUATION, "/api/work-items/" + id)).get("item"));
        if (item.get("pendingDecision") == null) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("item", item);
        return "console/item :: pending";
    }

    @PostMapping("/console/items/{id}/screening")
    String screening(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        return decide(id, model, form, () -> decisions.screening(id, form));
    }

    @PostMapping("/console/items/{id}/provider-match")
    String match(@PathVariable UUID id, @RequestParam Map<String, String> form,
                 @RequestParam(name = "providerCodes", required = false) List<String> providers, Model model) {
        return decide(id, model, form, () -> decisions.match(id, providers == null ? List.of() : providers, form.get("note")));
    }

    @PostMapping("/console/items/{id}/decision")
    String committee(@PathVariable UUID id, @RequestParam Map<String, String> form,
                     @RequestParam(name = "ruleCodes", required = false) List<String> rules, Model model) {
        return decide(id, model, form, () -> committee.decide(id, form, rules == null ? List.of() : rules));
    }

    @PostMapping("/console/items/{id}/completion-verification")
    String verification(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        return decide(id, model, form, () -> decisions.verification(id, form));
    }

    /** The committee's live total and voucher calculator (htmx; the same arithmetic as core's S4 and L4). */
    @PostMapping("/console/items/{id}/calculator")
    String calculator(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> workItem = ServiceApi.map(api.get(Service.EVALUATION, "/api/work-items/" + id));
        Map<String, Object> app = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id));
        model.addAttribute("calc", committee.calculator(workItem, app, form));
        return "console/item :: calculator";
    }

    /** What the applicant will read after this screening (htmx preview). */
    @PostMapping("/console/items/{id}/preview")
    String preview(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        model.addAttribute("preview", decisions.preview(form));
        return "console/item :: preview";
    }

    /** A decision core has neither applied nor refused for a while: send it again, or withdraw it and decide anew. */
    @PostMapping("/console/items/{id}/pending/{action}")
    String stuck(@PathVariable UUID id, @PathVariable String action) {
        if (action.equals("resend")) {
            api.post(Service.EVALUATION, "/api/work-items/" + id + "/pending-decision/resend", Map.of());
        } else if (action.equals("withdraw")) {
            api.delete(Service.EVALUATION, "/api/work-items/" + id + "/pending-decision");
        } else {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return "redirect:/console/items/" + id + "?" + action;
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
        Map<String, Object> workItem = ServiceApi.map(api.get(Service.EVALUATION, "/api/work-items/" + id));
        itemModel(id, workItem, model);
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
            model.addAttribute("calc", committee.calculator(workItem, ServiceApi.map(model.getAttribute("app")), form));
        }
        return "console/item";
    }

    private void itemModel(UUID id, Map<String, Object> workItem, Model model) {
        Map<String, Object> item = ServiceApi.map(workItem.get("item"));
        Map<String, Object> application = ServiceApi.map(workItem.get("application"));
        Map<String, Object> app = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id));
        SignedIn user = ServiceApi.currentUser();
        String mb = String.valueOf(ServiceApi.map(application.get("enterprise")).get("mb"));
        List<Object> earlier = new ArrayList<>();
        for (Object e : ServiceApi.list(api.get(Service.EVALUATION, "/api/work-items?mb=" + URLEncoder.encode(mb, StandardCharsets.UTF_8)))) {
            if (!id.toString().equals(ServiceApi.map(e).get("applicationId"))) {
                earlier.add(e);
            }
        }
        model.addAttribute("id", id);
        model.addAttribute("item", item);
        // not "application": Thymeleaf keeps that name for the servlet context, which hid every value of the panel
        model.addAttribute("submitted", application);
        Map<String, String> providerNames = new LinkedHashMap<>();
        for (Object code : ServiceApi.list(application.get("providerCodes"))) {
            providerNames.put(code.toString(), data.providerName(code.toString()).orElse(code.toString()));
        }
        model.addAttribute("providerNames", providerNames);
        model.addAttribute("app", app);
        model.addAttribute("decisionsTaken", workItem.get("decisions"));
        model.addAttribute("earlier", earlier);
        boolean mine = user != null && user.accountId().toString().equals(item.get("assignee"));
        model.addAttribute("mine", mine);
        model.addAttribute("canAct", user != null && (user.role().equals("EVALUATOR") || user.role().equals("ADMIN")));
        model.addAttribute("fourEyes", user != null && FourEyesNotice.applies((String) item.get("stage"),
                user.accountId().toString(), ServiceApi.list(workItem.get("decisions"))));
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        String stage = (String) item.get("stage");
        if (stage != null) {
            Map<String, Object> panel = decisions.panel(stage, workItem, app);
            model.addAttribute("panel", panel);
            model.addAttribute("preview", panel.get("preview"));
        }
    }

}
