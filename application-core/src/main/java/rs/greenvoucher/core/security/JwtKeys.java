package rs.greenvoucher.core.security;

import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key core signs tokens with. From {@code gv.security.jwt.private-key-file} (PKCS#8 PEM) when set; the file
 * is created on first start if missing, so a restarted service keeps its key. With no file configured the key lives
 * in memory only (tests). Every instance of core must share the file in production.
 */
public final class JwtKeys {

    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);

    private JwtKeys() {
    }

    public static RSAKey load(String privateKeyFile) {
        try {
            KeyPair pair;
            if (privateKeyFile == null || privateKeyFile.isBlank()) {
                pair = generate();
            } else {
                Path file = Path.of(privateKeyFile);
                if (Files.exists(file)) {
                    pair = read(file);
                } else {
                    pair = generate();
                    write(file, pair);
                    log.info("Created a new token signing key in {}", file);
                }
            }
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            return new RSAKey.Builder(publicKey)
                    .privateKey(pair.getPrivate())
                    .keyIDFromThumbprint()
                    .build();
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot load the token signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the token signing key", e);
        }
    }

    /** A retired key kept for its public half; the file must exist. */
    public static RSAKey loadExisting(String privateKeyFile) {
        if (!Files.exists(Path.of(privateKeyFile.trim()))) {
            throw new IllegalStateException("retired token key file not found: " + privateKeyFile);
        }
        return load(privateKeyFile.trim());
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new KeyPair(publicKey, privateKey);
    }

    private static void write(Path file, KeyPair pair) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
