package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.provider.ProviderKind;

/** A registered provider; {@code mb} and {@code city} are null for the initial list's members that have none on file. */
public record ProviderView(String code, String name, ProviderKind kind, @Schema(types = {"string", "null"}) String city, boolean active,
                           @Schema(types = {"string", "null"}) String mb) {
}
