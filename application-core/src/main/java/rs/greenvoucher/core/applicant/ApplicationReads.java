package rs.greenvoucher.core.applicant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.ApplicationPage;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.security.Roles;

import java.time.Instant;
import java.util.UUID;

/** An application as its applicant and staff read it (now, or as it stood at an instant), and the list of them. */
@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Applications")
record ApplicationReads(ApplicationQueries queries, ApplicationHistory history) {

    @GetMapping("/{id}")
    @Operation(summary = "An application with its status, providers, voucher, rejection and timeline")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the application (docs/api.md)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ApplicationView.class)))
    ResponseEntity<String> get(@PathVariable UUID id,
                               @io.swagger.v3.oas.annotations.Parameter(description = "an instant (ISO 8601, e.g. "
                                       + "2026-11-24T10:00:00Z): the application as it stood then, rebuilt from its events")
                               @RequestParam(required = false) Instant asOf,
                               JwtAuthenticationToken auth) {
        if (asOf != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(history.asOf(id, asOf, applicantFilter(auth)).orElseThrow(Refusal::notFound).toString());
        }
        String doc = queries.document(id, applicantFilter(auth), auth.getName()).orElseThrow(Refusal::notFound);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(doc);
    }

    @GetMapping
    @Operation(summary = "An applicant's own applications; staff see all and may filter")
    ApplicationPage list(@RequestParam(required = false) ApplicationStatus status,
                                 @RequestParam(required = false) String enterpriseMb,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size,
                                 JwtAuthenticationToken auth) {
        if (page < 0) {
            throw Refusal.invalid("page", "must not be negative");
        }
        if (size < 1 || size > 200) {
            throw Refusal.invalid("size", "must be between 1 and 200");
        }
        if (enterpriseMb != null && !enterpriseMb.matches("\\d{8}")) {
            throw Refusal.invalid("enterpriseMb", "must be 8 digits");
        }
        return queries.list(applicantFilter(auth), status, enterpriseMb, page, size);
    }

    /** Applicants are limited to their own applications; staff are not. */
    private static String applicantFilter(JwtAuthenticationToken auth) {
        boolean applicant = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.APPLICANT));
        return applicant ? auth.getName() : null;
    }
}
