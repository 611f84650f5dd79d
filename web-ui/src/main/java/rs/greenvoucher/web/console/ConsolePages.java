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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The evaluators' console: the work queues, an item with the decision panel of its stage, and one's own decisions.
 * Managers see the same pages read-only (the evaluation service refuses their actions anyway).
 */
@Controller
class ConsolePages {

    static final List<String> STAGES = List.of("SCREENING", "PROVIDER_MATCHING", "COMMITTEE", "COMPLETION_VERIFICATION");
    private static final Set<String> FILTERS = Set.of("all", "mine", "unclaimed");
    static final int PAGE = 100;

    private final ServiceApi api;
    private final Decisions decisions;
    private final rs.greenvoucher.web.start.PublicData data;

    ConsolePages(ServiceApi api, Decisions decisions, rs.greenvoucher.web.start.PublicData data) {
        this.api = api;
        this.decisions = decisions;
        this.data = data;
    }

    @GetMapping("/console")
    String queue(@RequestParam(defaultValue = "SCREENING") String stage, @RequestParam(defaultValue = "all") String filter,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String q,
                 @RequestParam(required = false) UUID conflict, Model model) {
        queueModel(stage, filter, page, q, Instant.now().toEpochMilli(), model);
        if (conflict != null) {
            // who won the claim, and when: said at the top, as the row may have left this view
            model.addAttribute("conflictItem", ServiceApi.map(ServiceApi.map(api.get(Service.EVALUATION, "/api/work-items/" + conflict)).get("item")));
        }
        return "console/queue";
    }

    /** The rows alone, for the page's own refresh every 15 s (htmx); says how many items arrived since it loaded. */
    @GetMapping("/console/rows")
    String rows(@RequestParam(defaultValue = "SCREENING") String stage, @RequestParam(defaultValue = "all") String filter,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") long since, Model model) {
        queueModel(stage, filter, page, q, since, model);
        return "console/queue :: rows";
    }

    private void queueModel(String stage, String filter, int page, String q, long since, Model model) {
        String s = STAGES.contains(stage) ? stage : "SCREENING";
        String f = FILTERS.contains(filter) ? filter : "all";
        int p = Math.max(0, Math.min(page, 1000));
        String search = q.strip().length() > 100 ? q.strip().substring(0, 100) : q.strip();
        String query = "/api/queue?stage=" + s + "&offset=" + (p * PAGE) + "&limit=" + PAGE
                + (f.equals("mine") ? "&assignee=me" : f.equals("unclaimed") ? "&assignee=unassigned" : "")
                + (search.isEmpty() ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        List<Object> items = ServiceApi.list(api.get(Service.EVALUATION, query));
        List<Object> summary = ServiceApi.list(api.get(Service.EVALUATION, "/api/queue/summary"));
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Object c : summary) {
            counts.put(String.valueOf(ServiceApi.map(c).get("stage")), c);
        }
        Instant loaded = Instant.ofEpochMilli(since);
        long arrived = items.stream().map(ServiceApi::map)
                .filter(i -> i.get("enqueuedAt") != null && Instant.parse((String) i.get("enqueuedAt")).isAfter(loaded)).count();
        Map<String, Object> current = ServiceApi.map(counts.get(s));
        // a search shows what it found (at most a page); otherwise the stage's count for the filter
        long total = !search.isEmpty() ? items.size() : f.equals("mine") ? number(current.get("mine"))
                : f.equals("unclaimed") ? number(current.get("unclaimed")) : number(current.get("open"));
        model.addAttribute("stage", s);
        model.addAttribute("filter", f);
        model.addAttribute("q", search);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("total", total);
        model.addAttribute("since", since);
        model.addAttribute("arrived", arrived);
        model.addAttribute("items", items);
        model.addAttribute("rules", items.stream().map(ServiceApi::map).flatMap(i -> ServiceApi.list(i.get("autoChecks")).stream())
                .map(c -> String.valueOf(ServiceApi.map(c).get("rule"))).distinct().toList());
        model.addAttribute("counts", counts);
        model.addAttribute("stages", STAGES);
        model.addAttribute("now", Instant.now());
    }

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
            return back.equals("queue") ? "redirect:/console?stage=" + stage(stage) + "&filter=" + filter(filter) + "&conflict=" + id
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

    /**
     * An application's audit trail: each event with who, when, why, the rules, and the inputs of its moment (the
     * auto-checks, the call's parameters, the provider list), printable, as CSV, and each step's "as it stood then".
     */
    @GetMapping("/console/items/{id}/audit")
    String audit(@PathVariable UUID id, Model model) {
        auditModel(id, model);
        model.addAttribute("correction", Map.of());
        return "console/audit";
    }

    /**
     * Corrections of a decision by two administrators (docs/adr/0012), on the audit page: one proposes, another
     * confirms or declines; a refusal (four eyes, one already waiting, nothing to correct) is shown on the page.
     */
    @PostMapping("/console/items/{id}/corrections")
    String proposeCorrection(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", form.getOrDefault("stage", ""));
        String rules = form.getOrDefault("ruleCodes", "").trim();
        body.put("ruleCodes", rules.isEmpty() ? List.of() : java.util.Arrays.stream(rules.split("[,;\\s]+"))
                .map(r -> r.trim().toUpperCase(java.util.Locale.ROOT)).filter(r -> !r.isEmpty()).toList());
        body.put("reason", form.getOrDefault("reason", "").trim());
        try {
            api.post(Service.CORE, "/api/applications/" + id + "/corrections", body);
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            auditModel(id, model);
            model.addAttribute("correction", form);
            model.addAttribute("problem", problem);
            return "console/audit";
        }
        return "redirect:/console/items/" + id + "/audit?correction=proposed#correction";
    }

    @PostMapping("/console/items/{id}/corrections/{correctionId}/{action}")
    String decideCorrection(@PathVariable UUID id, @PathVariable UUID correctionId, @PathVariable String action, Model model) {
        if (!action.equals("confirm") && !action.equals("decline")) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        try {
            api.post(Service.CORE, "/api/applications/" + id + "/corrections/" + correctionId + "/" + action, Map.of());
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            auditModel(id, model);
            model.addAttribute("correction", Map.of());
            model.addAttribute("problem", problem);
            return "console/audit";
        }
        return "redirect:/console/items/" + id + "/audit?correction=" + action + "ed#correction";
    }

    private void auditModel(UUID id, Model model) {
        Map<String, Object> audit = ServiceApi.map(api.get(Service.CORE, "/api/applications/" + id + "/audit"));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object e : ServiceApi.list(audit.get("entries"))) {
            Map<String, Object> entry = new LinkedHashMap<>(ServiceApi.map(e));
            entry.put("asOf", rs.greenvoucher.web.track.AsOf.field(entry.get("at")));
            List<Map<String, Object>> failed = ServiceApi.list(entry.get("autoChecks")).stream().map(ServiceApi::map)
                    .filter(c -> Boolean.FALSE.equals(c.get("passed"))).toList();
            entry.put("failedAutoChecks", failed.stream().map(c -> String.valueOf(c.get("rule"))).toList());
            // what each failed check found, in the reader's language
            entry.put("failedExplained", failed.stream().map(c -> Map.of("rule", String.valueOf(c.get("rule")),
                    "text", String.valueOf(rs.greenvoucher.web.portal.Texts.explanation(c)))).toList());
            entries.add(entry);
        }
        model.addAttribute("id", id);
        model.addAttribute("trackingCode", audit.get("trackingCode"));
        model.addAttribute("entries", entries);
        model.addAttribute("pending", audit.get("pendingCorrection") == null ? null : ServiceApi.map(audit.get("pendingCorrection")));
    }

    @GetMapping("/console/items/{id}/audit.csv")
    org.springframework.http.ResponseEntity<byte[]> auditCsv(@PathVariable UUID id) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"audit-" + id + ".csv\"")
                .body(api.getCsv(Service.CORE, "/api/applications/" + id + "/audit"));
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
        return decide(id, model, form, () -> decisions.committee(id, form, rules == null ? List.of() : rules));
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
        model.addAttribute("calc", decisions.calculator(workItem, app, form));
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

    @GetMapping("/console/decisions")
    String mine(Model model) {
        model.addAttribute("decisions", ServiceApi.list(api.get(Service.EVALUATION, "/api/decisions/mine")));
        return "console/decisions";
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
            model.addAttribute("calc", decisions.calculator(workItem, ServiceApi.map(model.getAttribute("app")), form));
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

    private static String stage(String stage) {
        return STAGES.contains(stage) ? stage : "SCREENING";
    }

    private static String filter(String filter) {
        return FILTERS.contains(filter) ? filter : "all";
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
