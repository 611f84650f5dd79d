package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One change of a provider's registration: QUALIFIED, DEACTIVATED or REACTIVATED, when, by whom and why. */
public record ProviderHistoryEntry(String change, Instant at, String by, @Schema(types = {"string", "null"}) String reason) {
}
