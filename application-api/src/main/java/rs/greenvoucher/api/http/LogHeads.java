package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The tamper-evident log's published heads (docs/adr/0030): the keys that sign them and every head so far. An
 * auditor keeps this document and checks a later export or dump against it with tools/verify-log.
 */
public record LogHeads(String format, List<Key> keys, List<Head> heads) {

    /** A key heads are signed with: Ed25519, its X.509 public half in PEM; its id is the start of its SHA-256. */
    public record Key(String keyId, String algorithm, String publicKey) {
    }

    /**
     * A signed head: the chain's position it covers (as many events), the chain's SHA-256 there (hex), when and with
     * which key it was signed, and the Ed25519 signature (base64) over {@code statement}, the exact text signed.
     */
    public record Head(long position, long events, String chainHash, Instant signedAt, String keyId, String signature,
                       @Schema(description = "the exact text signed, UTF-8") String statement,
                       @Schema(description = "true for the daily head, false for one an ADMIN asked for") boolean daily) {
    }
}
