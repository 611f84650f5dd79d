package rs.greenvoucher.core.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.http.LogHeads;
import rs.greenvoucher.logverifier.JdbcLogSource;
import rs.greenvoucher.logverifier.LogFormat;
import rs.greenvoucher.logverifier.LogJson;
import rs.greenvoucher.platform.refusal.Refusal;

import javax.sql.DataSource;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * The tamper-evident log for those outside the system (docs/adr/0030): its heads and key are public, as a
 * transparency log's are (they are hashes and counts, nothing personal); its export and a head on demand are an
 * ADMIN's.
 */
@RestController
@Tag(name = "Log")
record LogController(LogSealer sealer, LogSigningKey key, DataSource dataSource, Clock clock) {

    static final String NDJSON = "application/x-ndjson";

    @GetMapping(path = "/api/log/heads", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The log's signed heads and the key that signs them (anyone): keep this document, and check an "
            + "export or a dump against it with tools/verify-log --heads")
    LogHeads heads() {
        return new LogHeads(LogFormat.VERSION,
                List.of(new LogHeads.Key(key.keyId(), "Ed25519", key.publicKeyPem())),
                sealer.heads().stream().map(LogController::view).toList());
    }

    @PostMapping(path = "/api/admin/log/heads", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Seal what is committed and sign a head at the log's end now, before an export for an auditor "
            + "(ADMIN); 201 with the new head, 200 with the last one if nothing was sealed since, 404 while the log is empty")
    @ApiResponse(responseCode = "201", description = "a new head")
    @ApiResponse(responseCode = "200", description = "no event since the last head: that head")
    ResponseEntity<LogHeads.Head> signNow(JwtAuthenticationToken auth) {
        LogSealer.Signed signed = sealer.signNow(auth.getName()).orElseThrow(() -> Refusal.notFound("The log has no event yet."));
        return ResponseEntity.status(signed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(signed.head()));
    }

    @GetMapping(path = "/api/admin/log/export", produces = NDJSON)
    @Operation(summary = "The whole log as JSON lines for an auditor (ADMIN): its key, its heads, every link with its "
            + "event as stored (personal fields sealed), and the count not sealed yet; tools/verify-log --export reads it")
    @ApiResponse(responseCode = "200", description = "the log", content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    void export(HttpServletResponse response) throws Exception {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(NDJSON + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"green-voucher-log-" + SchemeRules.day(clock.instant()) + ".jsonl\"");
        Connection connection = dataSource.getConnection();
        try (JdbcLogSource source = new JdbcLogSource(connection)) {
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            LogJson.write(source, out, clock.instant());
        }
    }

    static LogHeads.Head view(LogSealer.Head head) {
        return new LogHeads.Head(head.position(), head.events(), LogFormat.hex(head.chainHash()), head.signedAt(), head.keyId(),
                Base64.getEncoder().encodeToString(head.signature()), head.statement(), head.requestedBy() == null);
    }
}
