package rs.greenvoucher.evaluation.queue;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rs.greenvoucher.platform.web.NullableReference;

/** A queue item's {@code lastRefusal} is a LastRefusal or null. */
@Configuration
class QueueOpenApi {

    @Bean
    OpenApiCustomizer nullableLastRefusal() {
        return NullableReference.of("QueueItem", "lastRefusal", "LastRefusal", "the last decision core refused, null when none was");
    }
}
