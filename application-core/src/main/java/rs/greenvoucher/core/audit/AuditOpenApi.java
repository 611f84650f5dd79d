package rs.greenvoucher.core.audit;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rs.greenvoucher.platform.web.NullableReference;

/** An audit's {@code pendingCorrection} is a PendingCorrection or null. */
@Configuration
class AuditOpenApi {

    @Bean
    OpenApiCustomizer nullablePendingCorrection() {
        return NullableReference.of("Audit", "pendingCorrection", "PendingCorrection", "a correction waiting for a second ADMIN, null when none is");
    }
}
