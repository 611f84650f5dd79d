package rs.greenvoucher.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.MyDecision;
import rs.greenvoucher.api.http.QueueItem;
import rs.greenvoucher.api.http.StageCount;
import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

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
            model.addAttribute("conflictItem", api.get(Service.EVALUATION, "/api/work-items/" + conflict, WorkItem.class).item());
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
        List<QueueItem> items = api.list(Service.EVALUATION, query, QueueItem.class);
        Map<String, StageCount> counts = new LinkedHashMap<>();
        for (StageCount c : api.list(Service.EVALUATION, "/api/queue/summary", StageCount.class)) {
            counts.put(c.stage().name(), c);
        }
        Instant loaded = Instant.ofEpochMilli(since);
        long arrived = items.stream().filter(i -> i.enqueuedAt() != null && i.enqueuedAt().isAfter(loaded)).count();
        StageCount current = counts.get(s);
        // a search shows what it found (at most a page); otherwise the stage's count for the filter
        long total = !search.isEmpty() ? items.size() : current == null ? 0 : f.equals("mine") ? current.mine()
                : f.equals("unclaimed") ? current.unclaimed() : current.open();
        model.addAttribute("stage", s);
        model.addAttribute("filter", f);
        model.addAttribute("q", search);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("total", total);
        model.addAttribute("since", since);
        model.addAttribute("arrived", arrived);
        model.addAttribute("items", items);
        // D3: the stage's items that wait for the applicants' replies, soonest date first (they are not work to do now)
        model.addAttribute("waiting", api.list(Service.EVALUATION, "/api/queue?waiting=true&limit=" + PAGE + "&stage=" + s, QueueItem.class));
        model.addAttribute("rules", items.stream().flatMap(i -> i.autoChecks().stream()).map(c -> c.rule().name()).distinct().toList());
        model.addAttribute("counts", counts);
        model.addAttribute("stages", STAGES);
        model.addAttribute("now", Instant.now());
    }

    @GetMapping("/console/decisions")
    String mine(Model model) {
        model.addAttribute("decisions", api.list(Service.EVALUATION, "/api/decisions/mine", MyDecision.class));
        return "console/decisions";
    }

    static String stage(String stage) {
        return STAGES.contains(stage) ? stage : "SCREENING";
    }

    static String filter(String filter) {
        return FILTERS.contains(filter) ? filter : "all";
    }
}
