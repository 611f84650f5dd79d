package rs.greenvoucher.evaluation.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.EnterpriseApplication;
import rs.greenvoucher.api.http.ProviderLoad;
import rs.greenvoucher.api.http.QueueItem;
import rs.greenvoucher.api.http.StageCount;
import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.List;
import java.util.UUID;

/** The work queue over HTTP: what is asked is checked here, the SQL is in {@link WorkItems}. */
@RestController
@Tag(name = "Work queue")
class QueueController {

    private final WorkItems workItems;
    private final QueueFigures figures;
    private final QueueRebuild rebuild;

    QueueController(WorkItems workItems, QueueFigures figures, QueueRebuild rebuild) {
        this.figures = figures;
        this.workItems = workItems;
        this.rebuild = rebuild;
    }

    @GetMapping(path = "/api/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Work waiting for evaluators, oldest first; q finds a tracking code or enterprise name; waiting=true "
            + "lists instead the items waiting for the applicant's reply (D3), soonest date first (EVALUATOR, MANAGER, ADMIN)")
    List<QueueItem> queue(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String assignee,
                          @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean waiting,
                          @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "500") int limit,
                          JwtAuthenticationToken auth) {
        if (assignee != null && !assignee.equals("me") && !assignee.equals("unassigned")) {
            throw Refusal.invalid("assignee", "must be me or unassigned");
        }
        if (q != null && q.length() > 100) {
            throw Refusal.invalid("q", "at most 100 characters");
        }
        if (offset < 0) {
            throw Refusal.invalid("offset", "0 or more");
        }
        if (limit < 1 || limit > 500) {
            throw Refusal.invalid("limit", "1 to 500");
        }
        String like = q == null || q.isBlank() ? null : "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return workItems.page(new WorkItems.Page(stage, assignee, auth.getName(), like, offset, limit, waiting));
    }

    @GetMapping(path = "/api/queue/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How much work each stage has, and how old it is (EVALUATOR, MANAGER, ADMIN)")
    List<StageCount> summary(JwtAuthenticationToken auth) {
        return figures.summary(auth.getName());
    }

    @GetMapping(path = "/api/work-items", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every application of one enterprise, by its MB, newest first, all outcomes (EVALUATOR, MANAGER, ADMIN)")
    List<EnterpriseApplication> byEnterprise(@RequestParam Mb mb) {
        return figures.ofEnterprise(mb);
    }

    @GetMapping(path = "/api/provider-load", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Active vouchers per matched provider (EVALUATOR, MANAGER, ADMIN)")
    List<ProviderLoad> providerLoad() {
        return figures.providerLoad();
    }

    @GetMapping(path = "/api/work-items/{applicationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One work item with the application as submitted and the decisions taken on it")
    WorkItem item(@PathVariable UUID applicationId) {
        return workItems.withApplication(applicationId).orElseThrow(Refusal::notFound);
    }

    @PostMapping(path = "/api/admin/queue/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Build the queue again from every event on gv.application.events, keeping claims and pending "
            + "decisions; writers wait until it is done (ADMIN; 409 REBUILD_RUNNING)")
    QueueRebuild.Result rebuild() {
        return rebuild.rebuild();
    }

    @PostMapping("/api/work-items/{applicationId}/claim")
    @Transactional
    @Operation(summary = "Claim an item: one evaluator per item (409 ALREADY_CLAIMED)")
    QueueItem claim(@PathVariable UUID applicationId, JwtAuthenticationToken auth) {
        if (!workItems.claim(applicationId, auth.getName(), displayName(auth))) {
            QueueItem current = find(applicationId);
            if (current.stage() == null) {
                throw new Refusal(RefusalCode.INVALID_TRANSITION, "Nothing to do on this application now.");
            }
            throw alreadyClaimed(current);
        }
        return find(applicationId);
    }

    @PostMapping("/api/work-items/{applicationId}/release")
    @Transactional
    @Operation(summary = "Give a claimed item back to the queue")
    QueueItem release(@PathVariable UUID applicationId, JwtAuthenticationToken auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        boolean released = workItems.release(applicationId, auth.getName(), admin);
        QueueItem current = find(applicationId);
        if (!released && current.assignee() != null) {
            throw alreadyClaimed(current);
        }
        return current;
    }

    static Refusal alreadyClaimed(QueueItem item) {
        return new Refusal(RefusalCode.ALREADY_CLAIMED,
                "This item is claimed by " + (item.assigneeName() == null ? "another evaluator" : item.assigneeName()) + ".");
    }

    static String displayName(JwtAuthenticationToken auth) {
        Object name = auth.getToken().getClaims().get("name");
        return name == null ? auth.getName() : name.toString();
    }

    private QueueItem find(UUID applicationId) {
        return workItems.find(applicationId).orElseThrow(Refusal::notFound);
    }
}
