package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.value.DocumentKind;

import java.time.Instant;
import java.util.UUID;

/**
 * A document of a draft or an application: what it is, who attached it and when. {@code mediaType} is what its bytes
 * are (never what its name says); {@code sha256} is the hash of those bytes, as the audit trail shows it.
 * {@code fileName} reads "[erased]" once the applicant's data is erased.
 */
public record DocumentView(UUID id, DocumentKind kind,
                           @Schema(types = {"string", "null"}, description = "the provider of an offer or an invoice; null for the others")
                           String providerCode, String fileName, String mediaType,
                           long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
}
