package rs.greenvoucher.core.documents;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import rs.greenvoucher.platform.refusal.Refusal;

import java.nio.charset.StandardCharsets;

/**
 * How a document's bytes leave core (docs/adr/0028): a PDF without scripts, a PNG or a JPEG with its own type, to be
 * shown by the browser's viewer; anything else as an attachment of a fixed type that nothing executes. Never
 * sniffed, never cached by a shared cache, never able to run script in the service's origin.
 */
public final class Served {

    private Served() {
    }

    public static ResponseEntity<byte[]> of(DocumentStore.Content content) {
        if (content.bytes() == null) {
            throw Refusal.notFound("This document was erased with the applicant's personal data.");
        }
        boolean inline = content.document().inlineSafe();
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(content.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(inline ? MediaType.parseMediaType(content.document().mediaType()) : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", inline && !"application/pdf".equals(content.document().mediaType())
                        ? "default-src 'none'; img-src 'self'; sandbox" : "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content.bytes());
    }
}
