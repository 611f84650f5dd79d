package rs.greenvoucher.web.dashboard;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The managers' dashboard: every figure is core's throughput report as it comes (so the numbers equal
 * /api/reports/throughput exactly), the open items by age are the evaluation service's; each block downloads as CSV.
 */
@Controller
class DashboardPages {

    private final ServiceApi api;

    DashboardPages(ServiceApi api) {
        this.api = api;
    }

    record Filter(String callId, String from, String to) {
        static Filter of(String callId, String from, String to) {
            return new Filter(uuid(callId), date(from), date(to));
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
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String callId, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, Model model) {
        Filter filter = Filter.of(callId, from, to);
        Map<String, Object> report = report(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.query());
        model.addAttribute("calls", ServiceApi.list(api.get(Service.CORE, "/api/calls")));
        model.addAttribute("report", report);
        model.addAttribute("tiles", DashboardBlocks.tiles(report));
        model.addAttribute("funnel", DashboardBlocks.funnel(report));
        model.addAttribute("commitments", DashboardBlocks.commitments(report));
        model.addAttribute("openItems", ServiceApi.list(api.get(Service.EVALUATION, "/api/queue/summary")));
        model.addAttribute("breakdowns", List.of(row("block", "regions", "rows", report.get("byRegion")),
                row("block", "nace", "rows", report.get("byNaceSection")), row("block", "providers", "rows", report.get("byProvider"))));
        return "dashboard";
    }

    @GetMapping("/dashboard/csv/{block}")
    ResponseEntity<byte[]> csv(@PathVariable String block, @RequestParam(required = false) String callId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (!DashboardBlocks.BLOCKS.contains(block)) {
            return ResponseEntity.notFound().build();
        }
        Filter filter = Filter.of(callId, from, to);
        Map<String, Object> report = report(filter);
        List<Object> openItems = block.equals("open-items") ? ServiceApi.list(api.get(Service.EVALUATION, "/api/queue/summary")) : List.of();
        String csv = DashboardBlocks.csv(block, report, openItems);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"green-voucher-" + block + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> report(Filter filter) {
        return ServiceApi.map(api.get(Service.CORE, "/api/reports/throughput" + filter.query()));
    }

    private static String uuid(String value) {
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

    static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }
}
