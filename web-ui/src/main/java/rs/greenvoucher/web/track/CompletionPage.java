package rs.greenvoucher.web.track;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.web.apply.DocumentOutcome;
import rs.greenvoucher.web.apply.DocumentSlots;
import rs.greenvoucher.web.apply.DraftDocuments;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.FormPaths;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.start.PublicData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The applicant's completion report: the form, the live progress towards each target, and sending it to core. */
@Controller
record CompletionPage(ServiceApi api, PublicData data) {

    @PostMapping(path = "/applications/{id}/documents", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(@PathVariable UUID id, @RequestParam("kind") String kind,
                  @RequestParam(value = "providerCode", required = false) String providerCode,
                  @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return "redirect:/applications/" + id + "/completion?"
                + DraftDocuments.attach(api, "/api/applications/" + id + "/documents", kind, providerCode, file) + "#documents";
    }


    @GetMapping("/applications/{id}/completion")
    String completionPage(@PathVariable UUID id, Model model) {
        ApplicationView doc = api.get(Service.CORE, "/api/applications/" + id, ApplicationView.class);
        return completion(model, doc, startingReport(doc), Map.of(), null);
    }

    @PostMapping("/applications/{id}/completion")
    String completion(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
        ApplicationView doc = api.get(Service.CORE, "/api/applications/" + id, ApplicationView.class);
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
        ApplicationView doc = api.get(Service.CORE, "/api/applications/" + id, ApplicationView.class);
        model.addAttribute("report", typedReport(doc, posted));
        model.addAttribute("progress", CompletionForm.progress(typedReport(doc, posted)));
        return "completion :: progress";
    }

    private String completion(Model model, ApplicationView doc, Map<String, Object> report, Map<String, String> errors,
                              ApiProblem problem) {
        model.addAttribute("app", doc);
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("progress", CompletionForm.progress(report));
        model.addAttribute("returnedNote", CompletionForm.returnedNote(doc));
        Map<String, String> providers = new java.util.LinkedHashMap<>();
        doc.providers().forEach(p -> providers.put(p.code(), data.providerName(p.code()).orElse(p.name())));
        List<rs.greenvoucher.api.http.DocumentView> documents = api.list(Service.CORE, "/api/applications/" + doc.id()
                + "/documents", rs.greenvoucher.api.http.DocumentView.class);
        model.addAttribute("documents", DocumentSlots.atCompletion(data.calls().stream().filter(c -> c.id().equals(doc.callId()))
                .findFirst().map(rs.greenvoucher.api.http.CallView::requiredDocuments).orElse(List.of()), providers, documents));
        var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            String attached = servlet.getRequest().getParameter("attached");
            DocumentOutcome.show(model, documents, attached != null && attached.matches("[0-9a-f-]{36}") ? UUID.fromString(attached)
                    : null, servlet.getRequest().getParameter("documentError"), servlet.getRequest().getParameter("documentKind"));
        }
        return "completion";
    }

    /** The indicators of the project with their targets, and what was reported before if it was returned. */
    private static Map<String, Object> startingReport(ApplicationView doc) {
        Map<String, Object> report = new LinkedHashMap<>();
        CompletionReport previous = doc.completionReport();
        report.put("summary", previous == null || previous.summary() == null ? "" : previous.summary());
        report.put("deliverables", previous == null || previous.deliverables() == null ? "" : String.join("\n", previous.deliverables()));
        report.put("invoicedEur", previous == null || previous.invoicedEur() == null ? "" : previous.invoicedEur().toString());
        List<Object> results = new ArrayList<>();
        List<CompletionReport.IndicatorResult> before = previous == null || previous.environmentalResults() == null ? List.of()
                : previous.environmentalResults();
        List<ApplicationForm.IndicatorTarget> targets = doc.project().environmentalIndicators() == null ? List.of()
                : doc.project().environmentalIndicators();
        for (int i = 0; i < targets.size(); i++) {
            ApplicationForm.IndicatorTarget target = targets.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicator", target.indicator() == null ? null : target.indicator().name());
            row.put("unit", target.unit());
            row.put("baseline", target.baseline());
            row.put("target", target.target());
            BigDecimal value = i < before.size() ? before.get(i).value() : null;
            row.put("value", value == null ? "" : value.toPlainString());
            results.add(row);
        }
        report.put("environmentalResults", results);
        return report;
    }

    private static Map<String, Object> typedReport(ApplicationView doc, MultiValueMap<String, String> posted) {
        Map<String, Object> report = startingReport(doc);
        report.put("summary", posted.getFirst("summary") == null ? "" : posted.getFirst("summary"));
        report.put("deliverables", posted.getFirst("deliverables") == null ? "" : posted.getFirst("deliverables"));
        report.put("invoicedEur", posted.getFirst("invoicedEur") == null ? "" : posted.getFirst("invoicedEur"));
        int rows = ((List<?>) report.get("environmentalResults")).size();
        for (int i = 0; i < rows; i++) {
            String value = posted.getFirst("environmentalResults[" + i + "].value");
            FormPaths.set(report, "environmentalResults[" + i + "].value", value == null ? "" : value);
        }
        return report;
    }
}
