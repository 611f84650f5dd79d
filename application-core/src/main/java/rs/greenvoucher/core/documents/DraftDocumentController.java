package rs.greenvoucher.core.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.platform.refusal.Refusal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The documents of an applicant's draft: attached one by one while the form is filled in, submitted with it. */
@RestController
@RequestMapping(path = "/api/drafts/{draftId}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('APPLICANT')")
@Tag(name = "Documents")
class DraftDocumentController {

    private final DocumentStore documents;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DraftDocumentController(DocumentStore documents, PlatformTransactionManager transactions, Clock clock) {
        this.documents = documents;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a document to my draft (APPLICANT; multipart: file, kind, providerCode for an offer). "
            + "PDF, PNG, JPEG or an office file, by its bytes; at most 10 MiB, 40 files and 50 MiB per application")
    ResponseEntity<DocumentView> upload(@PathVariable UUID draftId, @RequestParam("file") MultipartFile file,
                                        @RequestParam("kind") String kind,
                                        @RequestParam(value = "providerCode", required = false) String providerCode,
                                        JwtAuthenticationToken auth) throws IOException {
        requireDraft(auth, draftId);
        Upload upload = Upload.of(kind, providerCode, file.getOriginalFilename(), file.getBytes());
        if (upload.kind().atCompletion()) {
            throw Refusal.invalid("kind", upload.kind() + " is attached to an approved voucher, for its completion report");
        }
        DocumentStore.Stored stored = transaction.execute(status ->
                documents.store(draftId, draftId, auth.getName(), upload, auth.getName(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/drafts/" + draftId + "/documents/" + stored.id()))
                .body(documents.view(stored));
    }

    @GetMapping
    @Operation(summary = "My draft's documents (APPLICANT)")
    List<DocumentView> list(@PathVariable UUID draftId, JwtAuthenticationToken auth) {
        requireDraft(auth, draftId);
        return documents.ofDraft(draftId).stream().map(documents::view).toList();
    }

    @GetMapping(path = "/{documentId}/content", produces = MediaType.ALL_VALUE)
    @Operation(summary = "A document's file (APPLICANT, own draft): shown by the browser if a PDF or an image, else downloaded")
    ResponseEntity<byte[]> content(@PathVariable UUID draftId, @PathVariable UUID documentId, JwtAuthenticationToken auth) {
        requireDraft(auth, draftId);
        return Served.of(documents.content(draftId, documentId).filter(c -> draftId.equals(c.document().draftId()))
                .orElseThrow(Refusal::notFound));
    }

    @DeleteMapping("/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a document from my draft (APPLICANT)")
    ResponseEntity<Void> delete(@PathVariable UUID draftId, @PathVariable UUID documentId, JwtAuthenticationToken auth) {
        requireDraft(auth, draftId);
        if (!documents.deleteFromDraft(draftId, documentId)) {
            throw Refusal.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    private void requireDraft(JwtAuthenticationToken auth, UUID draftId) {
        if (!documents.isDraftOf(auth.getName(), draftId)) {
            throw Refusal.notFound();
        }
    }
}
