package rs.greenvoucher.api.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A personal text sealed with its subject's key: AES-256-GCM with a fresh 96-bit nonce, the subject (the application
 * id) as associated data so that a sealed text cannot be moved to another application, written as
 * {@code gv:sealed:v1:<base64url(nonce || ciphertext)>}. Without the key there is nothing to open: the text reads as
 * {@link #ERASED}.
 */
public final class SealedText {

    public static final String PREFIX = "gv:sealed:v1:";
    /** What an erased personal text reads as, everywhere. */
    public static final String ERASED = "[erased]";
    public static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** One per thread: looking the algorithm up was a tenth of a rebuild's time; each use initialises it afresh. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    });

    private SealedText() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public static String seal(byte[] key, String subject, String text) {
        if (text == null || isSealed(text) || ERASED.equals(text)) {
            return text;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, subject, nonce);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a personal text", e);
        }
    }

    /**
     * The text in the clear; {@link #ERASED} when there is no key; a text that is not sealed as it is.
     *
     * @throws IllegalStateException when the key is not the one the text was sealed with (never expected: a bug)
     */
    public static String open(byte[] key, String subject, String text) {
        if (!isSealed(text)) {
            return text;
        }
        if (key == null) {
            return ERASED;
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, subject, nonce);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a personal text of " + subject + " does not open with its key", e);
        }
    }

    /** Bytes sealed as a text is (nonce || ciphertext), for a document's content. */
    public static byte[] sealBytes(byte[] key, String subject, byte[] content) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, subject, nonce);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(content.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(content, 0, content.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a document", e);
        }
    }

    /** The bytes in the clear; null when there is no key (erased). */
    public static byte[] openBytes(byte[] key, String subject, byte[] sealed) {
        if (key == null) {
            return null;
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, subject, java.util.Arrays.copyOf(sealed, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a document of " + subject + " does not open with its key", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, String subject, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
