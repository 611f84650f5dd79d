package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.provider.ProviderKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pre-qualification application as its organisation and the ADMIN see it: the organisation, where it stands
 * (SUBMITTED, APPROVED, REFUSED), and the decision: the code on the list, or the rules not met and why.
 */
public record ProviderApplicationView(UUID id, String name, String mb, String pib, ProviderKind kind, String city,
                                      String expertise, List<String> references, String status, Instant submittedAt,
                                      @Schema(types = {"string", "null"}, format = "date-time") Instant decidedAt,
                                      @Schema(types = {"string", "null"}) String decidedBy,
                                      @Schema(types = {"string", "null"}, description = "its code on the list, once approved") String providerCode,
                                      @Schema(description = "the rules not met, when refused") List<String> ruleCodes,
                                      @Schema(types = {"string", "null"}) String reason,
                                      @Schema(types = {"string", "null"}) String note) {
}
