package rs.greenvoucher.logverifier;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The tamper-evident log's format, version 1 (docs/adr/0030), in one place for the service that writes it and the
 * verifier that checks it.
 * <ul>
 *   <li>An event's canonical bytes: its global index and sequence number as 8 bytes each, every other stored field
 *   (identifier, aggregate, type, time stamp, payload type and revision, payload, metadata) as a 4-byte length (-1 for
 *   none) and its bytes (strings in UTF-8), in that order. The payload is the stored one, personal fields sealed, so
 *   crypto-shredding (deleting a key) changes nothing the chain covers.</li>
 *   <li>The event's hash: SHA-256 of those bytes.</li>
 *   <li>The chain: {@code chain(n) = SHA-256("gv-log/1" | chain(n-1) | n | hash(n))}, chain(0) 32 zero bytes, n the
 *   position in the order the events were sealed.</li>
 *   <li>A head: the text of {@link #headStatement}, signed with Ed25519.</li>
 * </ul>
 */
public final class LogFormat {

    public static final String VERSION = "gv-log/1";
    public static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private LogFormat() {
    }

    public static byte[] canonical(StoredEvent e) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + e.payload().length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(e.globalIndex());
            text(out, e.eventIdentifier());
            text(out, e.aggregateIdentifier());
            out.writeLong(e.sequenceNumber());
            text(out, e.type());
            text(out, e.timeStamp());
            text(out, e.payloadType());
            text(out, e.payloadRevision());
            binary(out, e.payload());
            binary(out, e.metaData());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    public static byte[] eventHash(StoredEvent e) {
        return sha256().digest(canonical(e));
    }

    public static byte[] chain(byte[] previous, long position, byte[] eventHash) {
        MessageDigest digest = sha256();
        digest.update(VERSION.getBytes(StandardCharsets.US_ASCII));
        digest.update(previous);
        digest.update(longBytes(position));
        digest.update(eventHash);
        return digest.digest();
    }

    public static String headStatement(long position, long events, String chainHash, String signedAt, String keyId) {
        return "green-voucher log head\nformat: " + VERSION + "\nposition: " + position + "\nevents: " + events
                + "\nchain: " + chainHash + "\nsigned-at: " + signedAt + "\nkey: " + keyId + "\n";
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** A key's id: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        return hex(sha256().digest(key.getEncoded())).substring(0, 16);
    }

    public static String publicKeyPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public static PublicKey publicKeyFromPem(String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        binary(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void binary(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] longBytes(long value) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) value;
            value >>>= 8;
        }
        return b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
