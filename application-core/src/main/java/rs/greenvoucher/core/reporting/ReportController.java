package rs.greenvoucher.core.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.ThroughputReport;
import rs.greenvoucher.api.http.WhatIfAnswer;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@Tag(name = "Reporting")
record ReportController(ReportQueries queries, ReportAsOf asOf, WhatIf whatIf, Replays replays) {

    @GetMapping(path = "/api/reports/stage-times", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How long each stage usually takes (median and 90th percentile in hours, every signed-in user): "
            + "what the portal tells an applicant to expect")
    java.util.List<ThroughputReport.StageTime> stageTimes() {
        return queries.stageTimes(null, null, null);
    }

    @GetMapping(path = "/api/reports/throughput", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Throughput, stage times, breakdowns, money and environmental sums (MANAGER, ADMIN); JSON or CSV")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the report",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ThroughputReport.class)),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))})
    ResponseEntity<?> throughput(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) UUID callId,
                                 @io.swagger.v3.oas.annotations.Parameter(description = "an instant (ISO 8601): the "
                                         + "figures as they were known then, replayed from the events")
                                 @RequestParam(name = "asOf", required = false) java.time.Instant asOfInstant,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(value = "Accept", required = false) String accept) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.invalid("to", "must not be before from");
        }
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw Refusal.invalid("format", "must be csv or json");
        }
        ThroughputReport report = asOfInstant == null ? queries.report(from, to, callId)
                : replays.oneAtATime(() -> asOf.report(asOfInstant, from, to, callId));
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (csv) {
            byte[] body = ReportCsv.write(report).getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"green-voucher-throughput.csv\"")
                    .body(body);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @PostMapping(path = "/api/reports/what-if", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A call's history replayed in memory under other parameters (budget, maximum voucher, share, "
            + "completion months): which approvals would have fitted, which S4 or L4 would have refused, money committed "
            + "and paid (MANAGER, ADMIN). Writes nothing.")
    WhatIfAnswer whatIf(@RequestBody WhatIf.Parameters parameters) {
        RequestCheck check = new RequestCheck();
        if (check.required("body", parameters)) {
            check.required("callId", parameters.callId());
            check.that(parameters.budgetEur() == null || parameters.budgetEur().amount().signum() > 0, "budgetEur",
                    "a positive amount");
            check.that(parameters.maxVoucherEur() == null || parameters.maxVoucherEur().amount().signum() > 0, "maxVoucherEur",
                    "a positive amount");
            check.that(parameters.maxSharePercent() == null || (parameters.maxSharePercent().signum() > 0
                    && parameters.maxSharePercent().compareTo(java.math.BigDecimal.valueOf(100)) <= 0), "maxSharePercent",
                    "more than 0 and at most 100");
            check.that(parameters.completionMonths() == null || (parameters.completionMonths() >= 1
                    && parameters.completionMonths() <= 60), "completionMonths", "1 to 60");
        }
        check.orRefuse();
        return replays.oneAtATime(() -> whatIf.replay(parameters)).orElseThrow(Refusal::notFound);
    }
}
