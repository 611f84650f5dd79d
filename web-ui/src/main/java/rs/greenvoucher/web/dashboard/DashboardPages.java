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
import rs.greenvoucher.web.track.AsOf;

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
        Map<String, Object> report = report(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.query());
        model.addAttribute("filtered", filter.from() != null || filter.to() != null);
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
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String asOf) {
        if (!DashboardBlocks.BLOCKS.contains(block)) {
            return ResponseEntity.notFound().build();
        }
        Filter filter = Filter.of(callId, from, to, asOf);
        Map<String, Object> report = report(filter);
        List<Object> openItems = block.equals("open-items") ? ServiceApi.list(api.get(Service.EVALUATION, "/api/queue/summary")) : List.of();
        String csv = DashboardBlocks.csv(block, report, openItems);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"green-voucher-" + block + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The report; a moment in Serbia is sent to core as its instant. */
    private Map<String, Object> report(Filter filter) {
        Filter forCore = filter.asOf() == null ? filter : new Filter(filter.callId(), filter.from(), filter.to(),
                AsOf.instant(java.time.LocalDateTime.parse(filter.asOf())).toString());
        return ServiceApi.map(api.get(Service.CORE, "/api/reports/throughput" + forCore.query()));
    }

    /** What-if: a call's history under other parameters, the call's own pre-filled. */
    @GetMapping("/dashboard/what-if")
    String whatIfForm(@RequestParam(required = false) String callId, Model model) {
        List<Object> calls = ServiceApi.list(api.get(Service.CORE, "/api/calls"));
        Map<String, Object> call = calls.stream().map(ServiceApi::map)
                .filter(c -> callId == null || callId.equals(c.get("id"))).findFirst().orElse(Map.of());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("callId", call.get("id"));
        for (String field : WHAT_IF_FIELDS) {
            form.put(field, call.get(field) == null ? "" : String.valueOf(call.get(field)));
        }
        model.addAttribute("calls", calls);
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        return "what-if";
    }

    @org.springframework.web.bind.annotation.PostMapping("/dashboard/what-if")
    String whatIf(@RequestParam Map<String, String> posted, Model model) {
        Map<String, Object> form = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String callId = uuid(posted.get("callId"));
        form.put("callId", callId);
        body.put("callId", callId);
        for (String field : WHAT_IF_FIELDS) {
            String value = posted.getOrDefault(field, "").strip();
            form.put(field, value);
            if (!value.isEmpty()) {
                try {
                    body.put(field, field.equals("completionMonths") ? Integer.valueOf(value) : new BigDecimal(value.replace(',', '.')));
                } catch (NumberFormatException e) {
                    errors.put(field, "whatIf.notANumber");
                }
            }
        }
        model.addAttribute("calls", ServiceApi.list(api.get(Service.CORE, "/api/calls")));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (callId == null || !errors.isEmpty()) {
            return "what-if";
        }
        try {
            model.addAttribute("answer", api.post(Service.CORE, "/api/reports/what-if", body));
        } catch (rs.greenvoucher.web.portal.ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        return "what-if";
    }

    static final List<String> WHAT_IF_FIELDS = List.of("budgetEur", "maxVoucherEur", "maxSharePercent", "completionMonths");

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
