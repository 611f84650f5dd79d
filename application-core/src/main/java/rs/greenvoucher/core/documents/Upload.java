package rs.greenvoucher.core.documents;

import rs.greenvoucher.api.DocumentRules;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One file as it arrived, checked at the door: a kind, the provider an offer or invoice comes from, a name that is
 * only ever shown (its last path segment, without control characters), at most 10 MiB of bytes of an accepted type,
 * and their SHA-256.
 */
public record Upload(DocumentKind kind, String providerCode, String fileName, byte[] bytes, String mediaType,
                     boolean inlineSafe, String sha256) {

    public static Upload of(String kind, String providerCode, String originalName, byte[] bytes) {
        DocumentKind documentKind = kind(kind);
        String provider = null;
        if (documentKind.perProvider()) {
            if (providerCode == null || providerCode.isBlank()) {
                throw Refusal.invalid("providerCode", "is required for " + documentKind);
            }
            if (!providerCode.matches("\\d{2,4}")) {
                throw Refusal.invalid("providerCode", "2 to 4 digits, one of the application's providers");
            }
            provider = new ProviderCode(providerCode).value();
        }
        if (bytes == null || bytes.length == 0) {
            throw Refusal.invalid("file", "is empty");
        }
        if (bytes.length > DocumentRules.MAX_FILE_BYTES) {
            throw Refusal.invalid("file", "at most 10 MiB");
        }
        DocumentTypes.Detected type = DocumentTypes.detect(bytes);
        return new Upload(documentKind, provider, name(originalName), bytes, type.mediaType(), type.inlineSafe(), sha256(bytes));
    }

    private static DocumentKind kind(String kind) {
        try {
            return DocumentKind.valueOf(kind == null ? "" : kind.trim());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("kind", "one of " + List.of(DocumentKind.values()));
        }
    }

    /** The last segment of whatever path the browser sent, without control characters; "document" if nothing is left. */
    static String name(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > DocumentRules.MAX_NAME_LENGTH ? name.substring(0, DocumentRules.MAX_NAME_LENGTH) : name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
