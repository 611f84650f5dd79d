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
import rs.greenvoucher.web.portal.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** My applications, an application's page and receipt, withdrawal, the completion report and the notifications. */
@Controller
class ApplicationPages {

    /** Which stage of the reporting figures an application waits in, by its status. */
    private static final Map<String, String> WAITING_IN = Map.of("SUBMITTED", "SCREENING", "SCREENED", "PROVIDER_MATCHING",
            "PROVIDER_MATCHED", "COMMITTEE", "COMPLETION_REPORTED", "COMPLETION_VERIFICATION");

    private final ServiceApi api;

    ApplicationPages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/applications")
    String list(Model model) {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> page = ServiceApi.map(api.get(Service.CORE, "/api/applications?size=50"));
        for (Object item : ServiceApi.list(page.get("items"))) {
            Map<String, Object> summary = new LinkedHashMap<>(ServiceApi.map(item));
            if ("APPROVED".equals(summary.get("status"))) {
                // the deadline is on the application itself
                Map<String, Object> doc = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + summary.get("id")));
                summary.put("voucher", doc.get("voucher"));
            }
            items.add(summary);
        }
        model.addAttribute("applications", items);
        // drafts are an applicant's; staff who sign in here see the applications only
        rs.greenvoucher.web.portal.SignedIn user = ServiceApi.currentUser();
        model.addAttribute("drafts", user != null && user.applicant()
                ? ServiceApi.list(api.get(Service.CORE, "/api/drafts")) : java.util.List.of());
        model.addAttribute("usually", usualDurations());
        return "applications";
    }

    /**
     * An application's page; with {@code asOf} (a date and time in Serbia, as a datetime-local field sends it) the
     * application as it stood then, rebuilt from its events, with nothing to act on.
     */
    @GetMapping("/applications/{id}")
    String application(@PathVariable UUID id, @RequestParam(required = false) String asOf,
                       @RequestParam(required = false) String reported, @RequestParam(required = false) String withdrawn, Model model) {
        java.time.LocalDateTime then = AsOf.parse(asOf);
        Map<String, Object> doc;
        try {
            doc = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id
                    + (then == null ? "" : "?asOf=" + AsOf.instant(then))));
        } catch (ApiProblem problem) {
            if (then == null || problem.status() != 404) {
                throw problem;
            }
            // not submitted yet at that moment: the application as it is now, saying so
            model.addAttribute("notYetAt", AsOf.instant(then));
            then = null;
            doc = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id));
        }
        model.addAttribute("app", doc);
        model.addAttribute("statusShown", then == null ? statusShown(doc, reported, withdrawn) : doc.get("status"));
        model.addAttribute("asOf", then);
        model.addAttribute("asOfAt", then == null ? null : AsOf.instant(then));
        model.addAttribute("asOfInvalid", asOf != null && !asOf.isBlank() && then == null);
        model.addAttribute("usually", usualDurations());
        model.addAttribute("returnedNote", returnedNote(doc));
        return "application";
    }

    /**
     * Right after a report or a withdrawal core has accepted, the applicant's view may not have caught up yet: the page
     * shows the status the action led to (core answered it), not the one before it, and says it is being recorded.
     */
    private static Object statusShown(Map<String, Object> doc, String reported, String withdrawn) {
        Object status = doc.get("status");
        if (reported != null && "APPROVED".equals(status)) {
            return "COMPLETION_REPORTED";
        }
        if (withdrawn != null && java.util.Set.of("SUBMITTED", "SCREENED", "PROVIDER_MATCHED").contains(String.valueOf(status))) {
            return "WITHDRAWN";
        }
        return status;
    }

    @GetMapping("/applications/{id}/receipt")
    String receipt(@PathVariable UUID id, Model model) {
        model.addAttribute("app", ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id)));
        return "receipt";
    }

    @GetMapping("/applications/{id}/withdraw")
    String withdrawPage(@PathVariable UUID id, Model model) {
        model.addAttribute("app", ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id)));
        model.addAttribute("reason", "");
        return "withdraw";
    }

    @PostMapping("/applications/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            api.post(Service.CORE, "/api/applications/" + id + "/withdraw", Map.of("reason", reason.trim()));
            return "redirect:/applications/" + id + "?withdrawn";
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("app", ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id)));
            model.addAttribute("reason", reason);
            model.addAttribute("problem", problem);
            return "withdraw";
        }
    }

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

    @GetMapping("/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", ServiceApi.list(api.get(Service.NOTIFICATION, "/api/notifications?limit=100")));
        return "notifications";
    }

    private String completion(Model model, Map<String, Object> doc, Map<String, Object> report, Map<String, String> errors,
                              ApiProblem problem) {
        model.addAttribute("app", doc);
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("progress", CompletionForm.progress(report));
        model.addAttribute("returnedNote", returnedNote(doc));
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

    /** The evaluator's note when a completion report came back for changes. */
    private static String returnedNote(Map<String, Object> doc) {
        if (!"APPROVED".equals(doc.get("status")) || doc.get("completionReport") == null) {
            return null;
        }
        List<Object> timeline = ServiceApi.list(doc.get("timeline"));
        return timeline.isEmpty() ? null : (String) ServiceApi.map(timeline.get(timeline.size() - 1)).get("note");
    }

    /** Status → how long its stage usually takes, from the reporting figures (the median). */
    private Map<String, Object> usualDurations() {
        Map<String, Object> byStage = new LinkedHashMap<>();
        try {
            for (Object s : ServiceApi.list(api.get(Service.CORE, "/api/reports/stage-times"))) {
                Map<String, Object> stage = ServiceApi.map(s);
                if (stage.get("medianHours") != null && ((Number) stage.get("applications")).longValue() > 0) {
                    byStage.put((String) stage.get("stage"), stage.get("medianHours"));
                }
            }
        } catch (ApiProblem e) {
            return Map.of(); // the figures are a courtesy: the page works without them
        }
        Map<String, Object> byStatus = new LinkedHashMap<>();
        WAITING_IN.forEach((status, stage) -> {
            if (byStage.containsKey(stage)) {
                byStatus.put(status, byStage.get(stage));
            }
        });
        return byStatus;
    }

    /** Reads the completion form; percentages of target for the page. */
    static final class CompletionForm {

        private CompletionForm() {
        }

        static Map<String, Object> toApi(Map<String, Object> typed, Map<String, String> errors) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("summary", blankToNull(typed.get("summary")));
            List<String> deliverables = new ArrayList<>();
            for (String line : String.valueOf(typed.getOrDefault("deliverables", "")).split("\\R")) {
                if (!line.isBlank()) {
                    deliverables.add(line.trim());
                }
            }
            report.put("deliverables", deliverables);
            report.put("invoicedEur", money(typed.get("invoicedEur"), "invoicedEur", errors));
            List<Object> results = new ArrayList<>();
            List<Object> rows = ServiceApi.list(typed.get("environmentalResults"));
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = ServiceApi.map(rows.get(i));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("indicator", row.get("indicator"));
                result.put("unit", row.get("unit"));
                result.put("value", number(row.get("value"), "environmentalResults[" + i + "].value", errors));
                results.add(result);
            }
            report.put("environmentalResults", results);
            return report;
        }

        /** Per row: how much of the planned improvement (target − baseline) the measured value achieved, in %. */
        static List<BigDecimal> progress(Map<String, Object> typed) {
            List<BigDecimal> progress = new ArrayList<>();
            for (Object r : ServiceApi.list(typed.get("environmentalResults"))) {
                Map<String, Object> row = ServiceApi.map(r);
                try {
                    BigDecimal value = Numbers.parse(String.valueOf(row.getOrDefault("value", "")));
                    BigDecimal baseline = new BigDecimal(row.get("baseline").toString());
                    BigDecimal target = new BigDecimal(row.get("target").toString());
                    BigDecimal planned = target.subtract(baseline);
                    progress.add(value == null || planned.signum() == 0 ? null
                            : value.subtract(baseline).multiply(BigDecimal.valueOf(100)).divide(planned, 0, RoundingMode.HALF_UP));
                } catch (RuntimeException e) {
                    progress.add(null);
                }
            }
            return progress;
        }

        private static Object blankToNull(Object v) {
            return v == null || v.toString().isBlank() ? null : v.toString().trim();
        }

        private static BigDecimal money(Object v, String field, Map<String, String> errors) {
            BigDecimal n = number(v, field, errors);
            return n == null ? null : n.setScale(Math.max(2, n.scale()), RoundingMode.UNNECESSARY);
        }

        private static BigDecimal number(Object v, String field, Map<String, String> errors) {
            try {
                return Numbers.parse(v == null ? null : v.toString());
            } catch (NumberFormatException e) {
                errors.put(field, "error.number");
                return null;
            }
        }
    }
}
