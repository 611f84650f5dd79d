package rs.greenvoucher.web.track;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.Forms;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The applicant's completion report: the form, the live progress towards each target, and sending it to core. */
@Controller
record CompletionPage(ServiceApi api) {

    @GetMapping("/applications/{id}/completion")
    String completionPage(@PathVariable UUID id, Model model) {
        Map<String, Object> doc = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id));
        return completion(model, doc, startingReport(doc), Map.of(), null);
    }

    @PostMapping("/applications/{id}/completion")
    String completion(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
        Map<String, Object> doc = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id));
        Map<String, Object> typed = typedReport(doc, posted);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> report = CompletionForm.toApi(typed, errors);
        if (!errors.isEmpty()) {
            return completion(model, doc, typed, errors, null);
        }
        try {
            api.post(Service.CORE, "/api/applications/" + id + "/completion-report", report);
            return "redirect:/applications/" + id + "?reported";
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return completion(model, doc, typed, Map.of(), problem);
        }
    }

    /** The percentage of each target reached, live while the values are typed (htmx). */
    @PostMapping("/applications/{id}/completion/progress")
    String progress(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
        Map<String, Object> doc = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id));
        model.addAttribute("report", typedReport(doc, posted));
        model.addAttribute("progress", CompletionForm.progress(typedReport(doc, posted)));
        return "completion :: progress";
    }

    private String completion(Model model, Map<String, Object> doc, Map<String, Object> report, Map<String, String> errors,
                              ApiProblem problem) {
        model.addAttribute("app", doc);
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("progress", CompletionForm.progress(report));
        model.addAttribute("returnedNote", CompletionForm.returnedNote(doc));
        return "completion";
    }

    /** The indicators of the project with their targets, and what was reported before if it was returned. */
    private static Map<String, Object> startingReport(Map<String, Object> doc) {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> previous = ServiceApi.map(doc.get("completionReport"));
        report.put("summary", previous.getOrDefault("summary", ""));
        report.put("deliverables", String.join("\n", ServiceApi.list(previous.get("deliverables")).stream().map(String::valueOf).toList()));
        report.put("invoicedEur", previous.get("invoicedEur") == null ? "" : previous.get("invoicedEur").toString());
        List<Object> results = new ArrayList<>();
        List<Object> before = ServiceApi.list(previous.get("environmentalResults"));
        List<Object> targets = ServiceApi.list(ServiceApi.map(doc.get("project")).get("environmentalIndicators"));
        for (int i = 0; i < targets.size(); i++) {
            Map<String, Object> target = ServiceApi.map(targets.get(i));
            Map<String, Object> row = new LinkedHashMap<>(target);
            Object value = i < before.size() ? ServiceApi.map(before.get(i)).get("value") : null;
            row.put("value", value == null ? "" : value.toString());
            results.add(row);
        }
        report.put("environmentalResults", results);
        return report;
    }

    private static Map<String, Object> typedReport(Map<String, Object> doc, MultiValueMap<String, String> posted) {
        Map<String, Object> report = startingReport(doc);
        report.put("summary", posted.getFirst("summary") == null ? "" : posted.getFirst("summary"));
        report.put("deliverables", posted.getFirst("deliverables") == null ? "" : posted.getFirst("deliverables"));
        report.put("invoicedEur", posted.getFirst("invoicedEur") == null ? "" : posted.getFirst("invoicedEur"));
        List<Object> rows = ServiceApi.list(report.get("environmentalResults"));
        for (int i = 0; i < rows.size(); i++) {
            String value = posted.getFirst("environmentalResults[" + i + "].value");
            Forms.set(report, "environmentalResults[" + i + "].value", value == null ? "" : value);
        }
        return report;
    }
}
