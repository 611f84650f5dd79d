package rs.greenvoucher.core.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import rs.greenvoucher.logverifier.LogFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key the log's heads are signed with: a key of its own, not the tokens' (docs/adr/0030). From
 * {@code gv.log.signing-key-file} (its PKCS#8 and X.509 halves in PEM; the public half also in {@code <file>.pub}), created on first start if missing; every instance of core shares the
 * file. With none configured the key lives in memory only (tests), and heads signed with it are worth nothing after
 * a restart: the log says so at start.
 */
@Component
public class LogSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LogSigningKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    LogSigningKey(@Value("${gv.log.signing-key-file:}") String file) {
        KeyPair pair = load(file);
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = LogFormat.keyId(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return LogFormat.publicKeyPem(publicKey);
    }

    byte[] sign(String statement) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the log's head", e);
        }
    }

    private static KeyPair load(String file) {
        try {
            if (file == null || file.isBlank()) {
                log.warn("No gv.log.signing-key-file: the log's heads are signed with a key that lives only as long as this process");
                return generate();
            }
            Path path = Path.of(file);
            if (Files.exists(path)) {
                return read(path);
            }
            KeyPair pair = generate();
            write(path, pair);
            log.info("Created a new key for the log's heads in {}", path);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the log's signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the log's signing key", e);
        }
    }

    private static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The file holds both halves: the JDK (17) has no way to derive an Ed25519 public key from its private key. */
    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (end < 0 || !pem.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IllegalStateException(file + " does not hold the log's key pair (a PRIVATE KEY and a PUBLIC KEY block)");
        }
        String privatePem = pem.substring(0, end).replace("-----BEGIN PRIVATE KEY-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privatePem)));
        PublicKey publicKey = LogFormat.publicKeyFromPem(pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----")));
        return new KeyPair(publicKey, privateKey);
    }

    private static void write(Path file, KeyPair pair) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n" + LogFormat.publicKeyPem(pair.getPublic());
        Files.writeString(file, pem);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.writeString(Path.of(file + ".pub"), LogFormat.publicKeyPem(pair.getPublic()));
    }
}
