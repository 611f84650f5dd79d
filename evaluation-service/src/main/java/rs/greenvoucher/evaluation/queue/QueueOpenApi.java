package rs.greenvoucher.evaluation.queue;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;

/**
 * A queue item's {@code lastRefusal} is a LastRefusal or null. Annotations cannot say that of a referenced schema
 * (springdoc writes the bare {@code $ref}), so the description says it here: any of the two.
 */
@Configuration
class QueueOpenApi {

    @Bean
    OpenApiCustomizer nullableLastRefusal() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> item = openApi.getComponents().getSchemas().get("QueueItem");
            if (item == null || item.getProperties() == null || !item.getProperties().containsKey("lastRefusal")) {
                return;
            }
            Schema<Object> none = new Schema<>();
            none.setTypes(Set.of("null"));
            Schema<Object> lastRefusal = new Schema<>();
            lastRefusal.setAnyOf(List.of(new Schema<>().$ref("#/components/schemas/LastRefusal"), none));
            lastRefusal.setDescription("the last decision core refused, null when none was");
            item.getProperties().put("lastRefusal", lastRefusal);
        };
    }
}
