package rs.greenvoucher.core.accounts;

import rs.greenvoucher.platform.refusal.Refusal;

import java.nio.charset.StandardCharsets;

/**
 * What a password may be: 12 to 128 characters and at most 72 bytes in UTF-8, because bcrypt reads no further
 * (a letter such as "č" takes two bytes). Anything else is refused with 400, never hashed.
 */
final class Passwords {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_CHARACTERS = 128;
    static final int MAX_BYTES = 72;

    private Passwords() {
    }

    static void check(String field, String password) {
        if (password == null) {
            throw Refusal.invalid(field, "is required");
        }
        int characters = password.codePointCount(0, password.length());
        if (characters < MIN_CHARACTERS || characters > MAX_CHARACTERS) {
            throw Refusal.invalid(field, "must be 12 to 128 characters");
        }
        if (!fitsBcrypt(password)) {
            throw Refusal.invalid(field, "must be at most 72 bytes in UTF-8 (letters such as č or ž count twice)");
        }
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
