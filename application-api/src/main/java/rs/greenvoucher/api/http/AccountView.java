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
                          @Schema(types = {"string", "null"}, format = "date-time") Instant disabledAt,
                          @Schema(description = "a PROVIDER account's provider on the list, once linked; absent otherwise")
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          String providerCode) {
}
