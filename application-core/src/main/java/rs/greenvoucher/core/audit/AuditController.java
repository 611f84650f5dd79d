package rs.greenvoucher.core.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.Audit;
import rs.greenvoucher.platform.refusal.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** An application's audit trail for staff (EVALUATOR, MANAGER, ADMIN), as JSON or as one CSV table. */
@RestController
@Tag(name = "Audit")
record AuditController(AuditTrail trail) {

    @GetMapping(path = "/api/applications/{id}/audit", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Every event of an application in order, with who, when, why, the rule codes and the inputs each "
            + "step was taken on as they were then (EVALUATOR, MANAGER, ADMIN; Accept: text/csv for a spreadsheet)")
    @ApiResponse(responseCode = "200", description = "the audit trail", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Audit.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<?> audit(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Audit audit = trail.of(id).orElseThrow(Refusal::notFound);
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + audit.trackingCode() + ".csv\"")
                    .body(AuditCsv.write(audit));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(audit);
    }
}
