package rs.greenvoucher.core.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who signs in: an applicant (username = e-mail) or staff. {@code tokenVersion} goes into every access
 * token; disabling the account or changing its password raises it, which revokes every token issued before. A
 * PROVIDER account acts for the provider {@code providerCode} once linked (null before, and for every other role).
 */
public record Account(UUID id, String username, String passwordHash, String fullName, String role,
                      String email, String preferredLanguage, Instant emailVerifiedAt, Instant disabledAt,
                      int tokenVersion, String providerCode) {

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
