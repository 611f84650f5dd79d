package rs.greenvoucher.core.accounts;

import java.util.UUID;

/** A person who signs in: an applicant (username = e-mail) or staff. */
public record Account(UUID id, String username, String passwordHash, String fullName, String role,
                      String email, String preferredLanguage) {
}
