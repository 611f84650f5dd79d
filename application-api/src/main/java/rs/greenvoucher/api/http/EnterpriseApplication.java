package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;
import java.util.UUID;

/** An enterprise's application as the evaluation service knows it, at whatever stage or outcome. */
public record EnterpriseApplication(UUID applicationId, String trackingCode, String enterpriseName, String status,
                                    @Schema(types = {"string", "null"}) Stage stage, Instant updatedAt) {
}
