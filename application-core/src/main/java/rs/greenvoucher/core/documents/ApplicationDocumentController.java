package rs.greenvoucher.core.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.core.voucher.attach.AttachDocument;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.security.Roles;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * An application's documents: its applicant attaches those of the completion report; the applicant, evaluators and
 * administrators read them (a manager's figures need no files). Anyone else is told the application does not exist.
 */
@RestController
@RequestMapping(path = "/api/applications/{id}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Documents")
class ApplicationDocumentController {

    private final DocumentStore documents;
    private final CommandGateway commands;

    ApplicationDocumentController(DocumentStore documents, CommandGateway commands) {
        this.documents = documents;
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Attach a document to my approved voucher (APPLICANT, own; multipart: file, kind INVOICE, "
            + "RESULT_EVIDENCE or OTHER, providerCode for an invoice). Recorded as DocumentAttached")
    ResponseEntity<DocumentView> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
                                        @RequestParam("kind") String kind,
                                        @RequestParam(value = "providerCode", required = false) String providerCode,
                                        JwtAuthenticationToken auth) throws IOException {
        Upload upload = Upload.of(kind, providerCode, file.getOriginalFilename(), file.getBytes());
        DocumentStore.Stored stored = commands.sendAndWait(new AttachDocument(id, auth.getName(), upload));
        return ResponseEntity.created(URI.create("/api/applications/" + id + "/documents/" + stored.id()))
                .body(documents.view(stored));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('APPLICANT', 'EVALUATOR', 'ADMIN')")
    @Operation(summary = "The application's documents, oldest first, with who attached them and when "
            + "(APPLICANT own, EVALUATOR, ADMIN)")
    List<DocumentView> list(@PathVariable UUID id, JwtAuthenticationToken auth) {
        requireReader(auth, id);
        return documents.of(id).stream().map(documents::view).toList();
    }

    @GetMapping(path = "/{documentId}/content", produces = MediaType.ALL_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT', 'EVALUATOR', 'ADMIN')")
    @Operation(summary = "A document's file (APPLICANT own, EVALUATOR, ADMIN): a PDF without scripts or an image is "
            + "shown by the browser, anything else is downloaded; 404 once erased")
    ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable UUID documentId, JwtAuthenticationToken auth) {
        requireReader(auth, id);
        return Served.of(documents.content(id, documentId).filter(c -> c.document().draftId() == null)
                .orElseThrow(Refusal::notFound));
    }

    private void requireReader(JwtAuthenticationToken auth, UUID id) {
        boolean applicant = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.APPLICANT));
        if (applicant && !documents.applicantOf(id).map(auth.getName()::equals).orElse(false)) {
            throw Refusal.notFound();
        }
    }
}
