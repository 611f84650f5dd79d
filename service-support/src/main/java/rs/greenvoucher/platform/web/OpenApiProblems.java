package rs.greenvoucher.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service's OpenAPI description with its error answers: each operation documents the problem+json bodies it
 * can answer with (the {@code Problem} schema: code, detail, errors by field, rule codes), so a client generated
 * from it handles them. The answers that depend on the request's body only on operations that take one.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class OpenApiProblems {

    static final String PROBLEM = "Problem";

    private static final Map<String, String> EVERY_OPERATION = new LinkedHashMap<>();
    private static final Map<String, String> WRITES = new LinkedHashMap<>();

    static {
        EVERY_OPERATION.put("400", "VALIDATION_FAILED (and the other 400 codes): the request is not valid; errors name each field");
        EVERY_OPERATION.put("401", "UNAUTHENTICATED: no valid token");
        EVERY_OPERATION.put("403", "FORBIDDEN (or a more precise code): the caller may not do this");
        EVERY_OPERATION.put("404", "NOT_FOUND: nothing by that name, or not the caller's");
        EVERY_OPERATION.put("429", "TOO_MANY_REQUESTS or ACCOUNT_LOCKED, with Retry-After");
        EVERY_OPERATION.put("503", "UNAVAILABLE: a database or broker it needs is away for the moment, or (a submission) too many are "
                + "being submitted at once; nothing was changed, try again after Retry-After");
        WRITES.put("409", "a conflict with the current state: the code says which (INVALID_TRANSITION, ONE_VOUCHER_PER_ENTERPRISE, ...)");
        WRITES.put("413", "PAYLOAD_TOO_LARGE");
        WRITES.put("422", "a scheme rule refuses it: the code and the rule codes say which");
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return OpenApiProblems::document;
    }

    static void document(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        allowNullInNullableEnums(openApi);
        if (openApi.getPaths() == null) {
            return;
        }
        for (PathItem path : openApi.getPaths().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.readOperationsMap().entrySet()) {
                ApiResponses responses = entry.getValue().getResponses();
                if (responses == null) {
                    responses = new ApiResponses();
                    entry.getValue().setResponses(responses);
                }
                add(responses, EVERY_OPERATION);
                if (entry.getKey() != PathItem.HttpMethod.GET) {
                    add(responses, WRITES);
                }
            }
        }
    }

    private static void add(ApiResponses responses, Map<String, String> answers) {
        answers.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                        .addMediaType("application/problem+json", new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
    }

    /**
     * A property marked {@code @Schema(types = {"string", "null"})} whose Java type is an enum keeps the enum's values
     * as its {@code enum}; JSON Schema then refuses null unless the list has it too.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void allowNullInNullableEnums(OpenAPI openApi) {
        if (openApi.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                if (property.getTypes() != null && property.getTypes().contains("null") && property.getEnum() != null
                        && !property.getEnum().contains(null)) {
                    property.getEnum().add(null);
                }
            }
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> field = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema())
                .addProperty("errors", new ArraySchema().items(field))
                .addProperty("ruleCodes", new ArraySchema().items(new StringSchema()));
        problem.setRequired(List.of("status", "code"));
        return problem;
    }
}
