package rs.greenvoucher.web.dashboard;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.api.http.StageCount;
import rs.greenvoucher.api.http.ThroughputReport;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.track.AsOf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The managers' dashboard: every figure is core's throughput report as it comes (so the numbers equal
 * /api/reports/throughput exactly), the open items by age are the evaluation service's; each block downloads as CSV.
 */
@Controller
record DashboardPages(ServiceApi api) {

    /** {@code asOf} is a date and time in Serbia (a datetime-local field): the figures as they were known then. */
    record Filter(String callId, String from, String to, String asOf) {
        static Filter of(String callId, String from, String to, String asOf) {
            java.time.LocalDateTime then = AsOf.parse(asOf);
            return new Filter(uuid(callId), date(from), date(to), then == null ? null : then.toString());
        }

        String query() {
            List<String> parts = new ArrayList<>();
            if (callId != null) {
                parts.add("callId=" + callId);
            }
            if (from != null) {
                parts.add("from=" + from);
            }
            if (to != null) {
                parts.add("to=" + to);
            }
            if (asOf != null) {
                parts.add("asOf=" + encode(asOf));
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String callId, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(required = false) String asOf, Model model) {
        Filter filter = Filter.of(callId, from, to, asOf);
        model.addAttribute("asOfAt", filter.asOf() == null ? null : AsOf.instant(java.time.LocalDateTime.parse(filter.asOf())));
        ThroughputReport report = report(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.query());
        model.addAttribute("filtered", filter.from() != null || filter.to() != null);
        model.addAttribute("calls", api.list(Service.CORE, "/api/calls", CallView.class));
        model.addAttribute("report", report);
        model.addAttribute("tiles", DashboardBlocks.tiles(report));
        model.addAttribute("funnel", DashboardBlocks.funnel(report));
        model.addAttribute("commitments", DashboardBlocks.commitments(report));
        model.addAttribute("openItems", api.list(Service.EVALUATION, "/api/queue/summary", StageCount.class));
        model.addAttribute("breakdowns", List.of(new Breakdowns("regions", report.byRegion()),
                new Breakdowns("nace", report.byNaceSection()), new Breakdowns("providers", report.byProvider())));
        return "dashboard";
    }

    @GetMapping("/dashboard/csv/{block}")
    ResponseEntity<byte[]> csv(@PathVariable String block, @RequestParam(required = false) String callId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String asOf) {
        if (!DashboardBlocks.BLOCKS.contains(block)) {
            return ResponseEntity.notFound().build();
        }
        Filter filter = Filter.of(callId, from, to, asOf);
        ThroughputReport report = report(filter);
        List<StageCount> openItems = block.equals("open-items") ? api.list(Service.EVALUATION, "/api/queue/summary", StageCount.class)
                : List.of();
        String csv = DashboardBlocks.csv(block, report, openItems);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"green-voucher-" + block + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The report; a moment in Serbia is sent to core as its instant. */
    private ThroughputReport report(Filter filter) {
        Filter forCore = filter.asOf() == null ? filter : new Filter(filter.callId(), filter.from(), filter.to(),
                AsOf.instant(java.time.LocalDateTime.parse(filter.asOf())).toString());
        return api.get(Service.CORE, "/api/reports/throughput" + forCore.query(), ThroughputReport.class);
    }

    static String uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.trim()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim()).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A breakdown block (by region, NACE section or provider) and its rows. */
    record Breakdowns(String block, List<ThroughputReport.Breakdown> rows) {
    }
}
