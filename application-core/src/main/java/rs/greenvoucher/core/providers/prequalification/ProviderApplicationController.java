package rs.greenvoucher.core.providers.prequalification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.ProviderApplicationView;
import rs.greenvoucher.api.provider.Organisation;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.ApplyToProvide;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.ApproveProviderApplication;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.RefuseProviderApplication;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.security.Roles;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Pre-qualification over HTTP: a PROVIDER account applies for its organisation and follows its application; an ADMIN
 * lists, approves and refuses. Another account is told the application does not exist.
 */
@RestController
@Tag(name = "Providers")
class ProviderApplicationController {

    private final CommandGateway commands;
    private final ProviderApplicationTable table;
    private final rs.greenvoucher.core.documents.DocumentStore documents;

    ProviderApplicationController(CommandGateway commands, ProviderApplicationTable table,
                                  rs.greenvoucher.core.documents.DocumentStore documents) {
        this.commands = commands;
        this.table = table;
        this.documents = documents;
    }

    record ApplicationRequest(String name, Mb mb, Pib pib, ProviderKind kind, String city, String expertise,
                              List<String> references) {
    }

    record ApprovalRequest(String note) {
    }

    record RefusalRequest(List<RuleCode> ruleCodes, String reason) {
    }

    @PostMapping("/api/provider-applications")
    @PreAuthorize("hasRole('PROVIDER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for my organisation to be pre-qualified as a provider (PROVIDER with a confirmed address; "
            + "P2: 422 for an individual consultant; L3: 409 for an MB that applied for a voucher; P3: 409 for one on the list "
            + "or that applied already)")
    ResponseEntity<ProviderApplicationView> apply(@RequestBody ApplicationRequest request, JwtAuthenticationToken auth) {
        if (request == null) {
            throw Refusal.invalid("body", "is required");
        }
        RequestCheck check = new RequestCheck();
        check.text("name", request.name(), 300);
        check.required("mb", request.mb());
        check.required("pib", request.pib());
        check.required("kind", request.kind());
        check.text("city", request.city(), 100);
        if (check.text("expertise", request.expertise(), 4000)) {
            check.that(request.expertise().trim().length() >= 30, "expertise",
                    "at least 30 characters: the green R&D services offered, the equipment and the people (P3)");
        }
        if (check.list("references", request.references(), 1, 20)) {
            for (int i = 0; i < request.references().size(); i++) {
                check.text("references[" + i + "]", request.references().get(i), 500);
            }
        }
        check.orRefuse();
        UUID id = UUID.randomUUID();
        Organisation organisation = new Organisation(request.name().trim(), request.mb(), request.pib(), request.kind(),
                request.city().trim(), request.expertise().trim(), request.references().stream().map(String::trim).toList());
        commands.sendAndWait(new ApplyToProvide(id, account(auth), organisation));
        return ResponseEntity.created(URI.create("/api/provider-applications/" + id)).body(table.byId(id).orElseThrow());
    }

    @GetMapping("/api/provider-applications/mine")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "My organisation's pre-qualification applications, newest first (PROVIDER)")
    List<ProviderApplicationView> mine(JwtAuthenticationToken auth) {
        return table.ofAccount(account(auth));
    }

    @GetMapping("/api/provider-applications")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Pre-qualification applications, oldest first, at most 500; status SUBMITTED for those waiting (ADMIN)")
    List<ProviderApplicationView> list(@RequestParam(required = false) String status) {
        if (status != null) {
            RequestCheck check = new RequestCheck();
            check.oneOf("status", status, "SUBMITTED", "APPROVED", "REFUSED");
            check.orRefuse();
        }
        return table.withStatus(status);
    }

    @GetMapping("/api/provider-applications/{id}")
    @PreAuthorize("hasAnyRole('PROVIDER', 'ADMIN')")
    @Operation(summary = "One pre-qualification application (ADMIN, or the PROVIDER account that made it)")
    ProviderApplicationView one(@PathVariable UUID id, JwtAuthenticationToken auth) {
        requireReader(id, auth);
        return table.byId(id).orElseThrow(Refusal::notFound);
    }

    @PostMapping("/api/provider-applications/{id}/approval")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Approve: the organisation joins the list with the next code (P1, P3), its MB is a provider's for "
            + "ever (L3), and the account that applied acts for it (ADMIN)")
    ProviderApplicationView approve(@PathVariable UUID id, @RequestBody(required = false) ApprovalRequest request,
                                    JwtAuthenticationToken auth) {
        String note = request == null ? null : request.note();
        RequestCheck check = new RequestCheck();
        check.optionalText("note", note, 2000);
        check.orRefuse();
        requireKnown(id);
        commands.sendAndWait(new ApproveProviderApplication(id, note == null || note.isBlank() ? null : note.trim(), auth.getName()));
        return table.byId(id).orElseThrow();
    }

    @PostMapping("/api/provider-applications/{id}/refusal")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Refuse, naming the rules not met (P2, P3, L3) and why; the MB is free again (ADMIN)")
    ProviderApplicationView refuse(@PathVariable UUID id, @RequestBody RefusalRequest request, JwtAuthenticationToken auth) {
        if (request == null) {
            throw Refusal.invalid("body", "is required");
        }
        RequestCheck check = new RequestCheck();
        if (check.list("ruleCodes", request.ruleCodes(), 1, 3)) {
            check.that(ProviderApplication.REFUSAL_RULES.containsAll(request.ruleCodes()), "ruleCodes", "only P2, P3 and L3");
        }
        check.text("reason", request.reason(), 2000);
        check.orRefuse();
        requireKnown(id);
        commands.sendAndWait(new RefuseProviderApplication(id, List.copyOf(request.ruleCodes()), request.reason().trim(), auth.getName()));
        return table.byId(id).orElseThrow();
    }

    @PostMapping(path = "/api/provider-applications/{id}/documents", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('PROVIDER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a document to my organisation's application while it waits (PROVIDER, own; multipart: file, "
            + "kind REGISTER_EXTRACT or OTHER). Recorded as ProviderDocumentAttached")
    ResponseEntity<rs.greenvoucher.api.http.DocumentView> upload(@PathVariable UUID id,
                                                                 @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                                                                 @RequestParam("kind") String kind, JwtAuthenticationToken auth)
            throws java.io.IOException {
        requireReader(id, auth);
        requireKnown(id);
        rs.greenvoucher.core.documents.Upload upload = rs.greenvoucher.core.documents.Upload.of(kind, null, file.getOriginalFilename(), file.getBytes());
        rs.greenvoucher.core.documents.DocumentStore.Stored stored = commands.sendAndWait(new AttachProviderDocument(id, account(auth), upload));
        return ResponseEntity.created(URI.create("/api/provider-applications/" + id + "/documents/" + stored.id()))
                .body(documents.view(stored));
    }

    @GetMapping("/api/provider-applications/{id}/documents")
    @PreAuthorize("hasAnyRole('PROVIDER', 'ADMIN')")
    @Operation(summary = "The application's documents, oldest first (ADMIN, or the PROVIDER account that applied)")
    List<rs.greenvoucher.api.http.DocumentView> documents(@PathVariable UUID id, JwtAuthenticationToken auth) {
        requireReader(id, auth);
        requireKnown(id);
        return documents.of(id).stream().map(documents::view).toList();
    }

    @GetMapping(path = "/api/provider-applications/{id}/documents/{documentId}/content",
            produces = org.springframework.http.MediaType.ALL_VALUE)
    @PreAuthorize("hasAnyRole('PROVIDER', 'ADMIN')")
    @Operation(summary = "A document's file (ADMIN, or the PROVIDER account that applied): a PDF without scripts or an image "
            + "is shown by the browser, anything else is downloaded")
    ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable UUID documentId, JwtAuthenticationToken auth) {
        requireReader(id, auth);
        return rs.greenvoucher.core.documents.Served.of(documents.content(id, documentId).orElseThrow(Refusal::notFound));
    }

    private void requireKnown(UUID id) {
        if (table.byId(id).isEmpty()) {
            throw Refusal.notFound();
        }
    }

    private void requireReader(UUID id, JwtAuthenticationToken auth) {
        boolean provider = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.PROVIDER));
        if (provider && !table.accountOf(id).map(a -> a.toString().equals(auth.getName())).orElse(false)) {
            throw Refusal.notFound();
        }
    }

    private static UUID account(JwtAuthenticationToken auth) {
        try {
            return UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound();
        }
    }
}
