package rs.greenvoucher.web.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.QueueItem;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An item of the evaluators' console: the application as submitted, the decision panel of its stage, the claim, and
 * each decision taken and followed until core has applied or refused it. Managers see it read-only (the evaluation
 * service refuses their actions anyway).
 */
@Controller
record ItemPage(ServiceApi api, ItemModel items) {

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
        items.fill(id, items.workItem(id), model);
        return "console/item";
    }

    /** While a decision is pending: the page polls this; once core has applied or refused it, the page reloads. */
    @GetMapping("/console/items/{id}/state")
    String state(@PathVariable UUID id, Model model, HttpServletResponse response) {
        QueueItem item = items.workItem(id).item();
        if (item.pendingDecision() == null) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("item", item);
        return "console/item :: pending";
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
}
