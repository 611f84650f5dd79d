package rs.greenvoucher.web.track;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** My applications, an application's page and receipt, withdrawal and the notifications ({@link CompletionPage}: the report). */
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
        model.addAttribute("returnedNote", CompletionForm.returnedNote(doc));
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

    @GetMapping("/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", ServiceApi.list(api.get(Service.NOTIFICATION, "/api/notifications?limit=100")));
        return "notifications";
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
}
