package rs.greenvoucher.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The evaluators' console: the work queue of each stage, filtered and searched, and one's own decisions. */
@Controller
class QueuePage {

    static final List<String> STAGES = List.of("SCREENING", "PROVIDER_MATCHING", "COMMITTEE", "COMPLETION_VERIFICATION");
    private static final Set<String> FILTERS = Set.of("all", "mine", "unclaimed");
    static final int PAGE = 100;

    private final ServiceApi api;

    QueuePage(ServiceApi api) {
        this.api = api;
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

    @GetMapping("/console/decisions")
    String mine(Model model) {
        model.addAttribute("decisions", ServiceApi.list(api.get(Service.EVALUATION, "/api/decisions/mine")));
        return "console/decisions";
    }

    static String stage(String stage) {
        return STAGES.contains(stage) ? stage : "SCREENING";
    }

    static String filter(String filter) {
        return FILTERS.contains(filter) ? filter : "all";
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
