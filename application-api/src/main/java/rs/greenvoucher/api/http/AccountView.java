package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as its owner and an ADMIN see it (never the hash); email is null for staff accounts made without one,
 * disabledAt while the account is enabled.
 */
public record AccountView(UUID id, String username, String fullName, String role,
                          @Schema(types = {"string", "null"}) String email, String preferredLanguage,
                          boolean emailVerified, boolean disabled,
                          @Schema(types = {"string", "null"}, format = "date-time") Instant disabledAt) {
}
