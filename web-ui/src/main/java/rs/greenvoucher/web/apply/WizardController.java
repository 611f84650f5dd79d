package rs.greenvoucher.web.apply;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.Forms;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.Numbers;
import rs.greenvoucher.web.start.PublicData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        Map<String, Object> draft = ServiceApi.map(api.post(Service.CORE, "/api/drafts", Map.of("form", Map.of(), "step", 1)));
        return "redirect:/drafts/" + draft.get("id") + "/1";
    }

    @GetMapping("/drafts/{id}/{step:[1-6]}")
    String step(@PathVariable UUID id, @PathVariable int step, Model model) {
        Map<String, Object> draft = load(id);
        return page(model, id, step, draft, Map.of(), false);
    }

    @PostMapping("/drafts/{id}/{step:[1-6]}")
    String save(@PathVariable UUID id, @PathVariable int step, @RequestParam MultiValueMap<String, String> posted,
                @RequestParam(defaultValue = "next") String action, Model model) {
        Map<String, Object> stored = load(id);
        Map<String, Object> form = ServiceApi.map(stored.get("form"));
        Map<String, Object> before = copy(form);
        int rows = Math.min(Steps.MAX_ROWS, rowsPosted(posted));
        for (String field : Steps.fields(step, rows)) {
            String value = posted.getFirst(field);
            if (step == 6) {
                value = "true".equals(value) ? "true" : "false"; // an unticked box is not posted at all
            }
            if (value != null) {
                Forms.set(form, field, value);
            }
        }
        compact(form, "project.services", Steps.SERVICE);
        compact(form, "project.environmentalIndicators", Steps.INDICATOR);
        Map<String, String> errors = new LinkedHashMap<>(ApiForm.errorsOf(form, step));
        int reached = Math.max(((Number) stored.getOrDefault("step", 1)).intValue(), errors.isEmpty() ? step + 1 : step);
        Map<String, Object> saved;
        try {
            saved = ServiceApi.map(api.put(Service.CORE, "/api/drafts/" + id,
                    Map.of("form", storable(form, before, errors), "step", Math.min(7, reached))));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            // refused for something the steps did not foresee: said at its field, with everything typed still on the page
            problem.fields().keySet().forEach(f -> errors.putIfAbsent(f.startsWith("form.") ? f.substring(5) : f, "error.notSaved"));
            saved = new LinkedHashMap<>(stored);
        }
        if (!errors.isEmpty() || "save".equals(action)) {
            // the page shows what was typed, even a value that could not be saved, beside its error
            Map<String, Object> shown = new LinkedHashMap<>(saved);
            shown.put("form", form);
            return page(model, id, step, shown, errors, "save".equals(action) && errors.isEmpty());
        }
        if ("back".equals(action) && step > 1) {
            return "redirect:/drafts/" + id + "/" + (step - 1);
        }
        return step == Steps.COUNT ? "redirect:/drafts/" + id + "/check" : "redirect:/drafts/" + id + "/" + (step + 1);
    }

    /** Live totals of the services step (htmx posts the step's form here as it is typed). */
    @PostMapping("/drafts/{id}/totals")
    String totals(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
        List<BigDecimal> costs = new ArrayList<>();
        for (int i = 0; i < Steps.MAX_ROWS; i++) {
            try {
                BigDecimal cost = Numbers.parse(posted.getFirst("project.services[" + i + "].costEur"));
                if (cost != null) {
                    costs.add(cost);
                }
            } catch (NumberFormatException e) {
                // not a number yet: left out of the total until it is
            }
        }
        BigDecimal requested;
        try {
            requested = Numbers.parse(posted.getFirst("project.requestedVoucherEur"));
        } catch (NumberFormatException e) {
            requested = null;
        }
        model.addAttribute("totals", Totals.of(costs, requested, data.openCall().orElse(Map.of())));
        return "wizard/services :: totals";
    }

    /** MB and PIB checked as they are typed (htmx). */
    @GetMapping("/drafts/field-check")
    String fieldCheck(@RequestParam MultiValueMap<String, String> query, Model model) {
        String mb = query.getFirst("enterprise.mb");
        String pib = query.getFirst("enterprise.pib");
        String field = mb != null ? "mb" : "pib";
        String value = mb != null ? mb : (pib == null ? "" : pib);
        boolean valid = mb != null ? Mb.isValid(value.trim()) : Pib.isValid(value.trim());
        model.addAttribute("field", field);
        model.addAttribute("blank", value.isBlank());
        model.addAttribute("valid", valid);
        return "wizard/hints :: hint";
    }

    @PostMapping("/drafts/{id}/delete")
    String delete(@PathVariable UUID id) {
        api.delete(Service.CORE, "/api/drafts/" + id);
        return "redirect:/applications?draftDeleted";
    }

    private String page(Model model, UUID id, int step, Map<String, Object> stored, Map<String, String> errors, boolean saved) {
        Map<String, Object> form = ServiceApi.map(stored.get("form"));
        model.addAttribute("id", id);
        model.addAttribute("step", step);
        model.addAttribute("steps", Steps.COUNT);
        model.addAttribute("draft", form);
        model.addAttribute("savedAt", stored.get("updatedAt"));
        model.addAttribute("justSaved", saved);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLinks", FieldLink.links(errors));
        model.addAttribute("serviceRows", Math.min(Steps.MAX_ROWS, Forms.count(form, "project.services") + 1));
        model.addAttribute("indicatorRows", Math.min(Steps.MAX_ROWS, Math.max(2, Forms.count(form, "project.environmentalIndicators") + 1)));
        model.addAttribute("providers", data.activeProviders());
        model.addAttribute("call", data.openCall().orElse(null));
        if (step == 3) {
            model.addAttribute("totals", Totals.of(ApiForm.from(form).form(), data));
        }
        return "wizard/" + Steps.name(step);
    }

    /**
     * The draft to store: what was typed, except a text the API would refuse to store at all (a control character,
     * more than its length), which keeps its last stored value; the rest of the step is saved.
     */
    private Map<String, Object> storable(Map<String, Object> form, Map<String, Object> before, Map<String, String> errors) {
        List<String> refused = errors.entrySet().stream().filter(e -> e.getValue().equals("error.controlCharacter")
                || e.getValue().startsWith("error.tooLong")).map(Map.Entry::getKey).toList();
        if (refused.isEmpty()) {
            return form;
        }
        Map<String, Object> storable = copy(form);
        refused.forEach(path -> Forms.set(storable, path, Forms.get(before, path)));
        return storable;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> copy(Map<String, Object> form) {
        return api.json().readValue(api.json().writeValueAsBytes(form), LinkedHashMap.class);
    }

    private Map<String, Object> load(UUID id) {
        return ServiceApi.map(api.get(Service.CORE, "/api/drafts/" + id));
    }

    /** Drops empty rows so the rows kept are numbered as the API will number them. */
    private static void compact(Map<String, Object> form, String path, List<String> fields) {
        if (!(Forms.get(form, path) instanceof List<?> rows)) {
            return;
        }
        List<Object> kept = new ArrayList<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> m && fields.stream().anyMatch(f -> m.get(f) != null && !m.get(f).toString().isBlank())) {
                kept.add(row);
            }
        }
        Forms.set(form, path, kept);
    }

    private static int rowsPosted(MultiValueMap<String, String> posted) {
        int rows = 0;
        for (String key : posted.keySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(key);
            if (m.find()) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return rows;
    }
}
