package rs.greenvoucher.platform.web;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.Set;

/**
 * A property that is an object of another schema or null. Annotations cannot say that of a referenced schema
 * (springdoc writes the bare {@code $ref}), so the OpenAPI description is told here: any of the two.
 */
public final class NullableReference {

    private NullableReference() {
    }

    public static OpenApiCustomizer of(String schema, String property, String referenced, String description) {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> owner = openApi.getComponents().getSchemas().get(schema);
            if (owner == null || owner.getProperties() == null || !owner.getProperties().containsKey(property)) {
                return;
            }
            Schema<Object> none = new Schema<>();
            none.setTypes(Set.of("null"));
            Schema<Object> either = new Schema<>();
            either.setAnyOf(List.of(new Schema<>().$ref("#/components/schemas/" + referenced), none));
            either.setDescription(description);
            owner.getProperties().put(property, either);
        };
    }
}
