package rs.greenvoucher.web.apply;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.DraftView;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.FormPaths;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.start.PublicData;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The application form as six steps and a check page. Every step is saved to the applicant's draft in core, so it
 * can be resumed from any browser; the check page asks core for a dry run of the submission and lists every rule
 * that would refuse it before the real submission.
 */
@Controller
record WizardController(ServiceApi api, PublicData data) {

    @PostMapping("/applications/new")
    String start() {
        DraftView draft = api.post(Service.CORE, "/api/drafts", Map.of("form", Map.of(), "step", 1), DraftView.class);
        return "redirect:/drafts/" + draft.id() + "/1";
    }

    @GetMapping("/drafts/{id}/{step:[1-6]}")
    String step(@PathVariable UUID id, @PathVariable int step, Model model) {
        DraftView draft = load(id);
        return page(model, id, step, draft, Map.of(), false);
    }

    @PostMapping("/drafts/{id}/{step:[1-6]}")
    String save(@PathVariable UUID id, @PathVariable int step, @RequestParam MultiValueMap<String, String> posted,
                @RequestParam(defaultValue = "next") String action, Model model) {
        DraftView stored = load(id);
        Map<String, Object> form = stored.form();
        Map<String, Object> before = DraftEdits.copy(api.json(), form);
        int rows = Math.min(Steps.MAX_ROWS, DraftEdits.rowsPosted(posted));
        for (String field : Steps.fields(step, rows)) {
            String value = posted.getFirst(field);
            if (step == 6) {
                value = "true".equals(value) ? "true" : "false"; // an unticked box is not posted at all
            }
            if (value != null) {
                FormPaths.set(form, field, value);
            }
        }
        DraftEdits.compact(form, "project.services", Steps.SERVICE);
        DraftEdits.compact(form, "project.environmentalIndicators", Steps.INDICATOR);
        Map<String, String> errors = new LinkedHashMap<>(ApiForm.errorsOf(form, step));
        int reached = Math.max(stored.step(), errors.isEmpty() ? step + 1 : step);
        DraftView saved;
        try {
            saved = api.put(Service.CORE, "/api/drafts/" + id, Map.of("form", DraftEdits.storable(api.json(), form, before, errors), "step", Math.min(7, reached)),
                    DraftView.class);
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            // refused for something the steps did not foresee: said at its field, with everything typed still on the page
            problem.fields().keySet().forEach(f -> errors.putIfAbsent(f.startsWith("form.") ? f.substring(5) : f, "error.notSaved"));
            saved = stored;
        }
        if (!errors.isEmpty() || "save".equals(action)) {
            // the page shows what was typed, even a value that could not be saved, beside its error
            DraftView shown = new DraftView(saved.id(), saved.callId(), form, saved.step(), saved.createdAt(), saved.updatedAt());
            return page(model, id, step, shown, errors, "save".equals(action) && errors.isEmpty());
        }
        if ("back".equals(action) && step > 1) {
            return "redirect:/drafts/" + id + "/" + (step - 1);
        }
        return step == Steps.COUNT ? "redirect:/drafts/" + id + "/check" : "redirect:/drafts/" + id + "/" + (step + 1);
    }

    @PostMapping("/drafts/{id}/delete")
    String delete(@PathVariable UUID id) {
        api.delete(Service.CORE, "/api/drafts/" + id);
        return "redirect:/applications?draftDeleted";
    }

    private String page(Model model, UUID id, int step, DraftView stored, Map<String, String> errors, boolean saved) {
        Map<String, Object> form = stored.form();
        model.addAttribute("id", id);
        model.addAttribute("step", step);
        model.addAttribute("steps", Steps.COUNT);
        model.addAttribute("draft", form);
        model.addAttribute("savedAt", stored.updatedAt());
        model.addAttribute("justSaved", saved);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLinks", FieldLink.links(errors));
        model.addAttribute("serviceRows", Math.min(Steps.MAX_ROWS, FormPaths.count(form, "project.services") + 1));
        model.addAttribute("indicatorRows", Math.min(Steps.MAX_ROWS, Math.max(2, FormPaths.count(form, "project.environmentalIndicators") + 1)));
        model.addAttribute("providers", data.activeProviders());
        model.addAttribute("call", data.openCall().orElse(null));
        if (step == 3) {
            model.addAttribute("totals", Totals.of(ApiForm.from(form).form(), data));
        }
        return "wizard/" + Steps.name(step);
    }

    /** The draft; its form is the applicant's own typing, which this controller changes field by field. */
    private DraftView load(UUID id) {
        DraftView draft = api.get(Service.CORE, "/api/drafts/" + id, DraftView.class);
        return draft.form() != null ? draft
                : new DraftView(draft.id(), draft.callId(), new LinkedHashMap<>(), draft.step(), draft.createdAt(), draft.updatedAt());
    }
}
