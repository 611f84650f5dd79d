package rs.greenvoucher.infra;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every HTTP exchange a test makes, checked against the OpenAPI description its service serves: the operation exists,
 * the status is documented, the JSON answer fits the documented schema, and an accepted request fits its schema.
 * A drift between the API and its description fails the test that met it (issue 13). Requests a service refused
 * are not checked against the request schema: refusing them is what they are there for.
 */
public final class ApiContract {

    /** "strict" (the default) fails the exchange's test; "report" only prints what differs; "off" skips the checks. */
    private static final String MODE = System.getProperty("gv.contract", "strict");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, ApiDescription> DESCRIPTIONS = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    /** Throws an AssertionError naming every way the exchange differs from the served description. */
    static void check(String base, String method, URI uri, String requestBody, int status, String contentType, String responseBody) {
        if (MODE.equals("off") || uri.getPath().startsWith("/v3/api-docs") || uri.getPath().startsWith("/actuator")
                || uri.getPath().startsWith("/swagger-ui")) {
            return;
        }
        List<String> violations = violations(base, method, uri, requestBody, status, contentType, responseBody);
        if (!violations.isEmpty() && MODE.equals("report")) {
            System.err.println("CONTRACT: " + method + " " + uri.getRawPath() + " -> " + status + ": " + String.join("; ", violations));
        } else if (!violations.isEmpty()) {
            throw new AssertionError("the exchange " + method + " " + uri.getRawPath() + " → " + status
                    + " differs from " + base + "/v3/api-docs: " + String.join("; ", violations));
        }
    }

    static List<String> violations(String base, String method, URI uri, String requestBody, int status, String contentType,
                                   String responseBody) {
        return violations(DESCRIPTIONS.computeIfAbsent(base, ApiDescription::load), method, uri, requestBody, status, contentType,
                responseBody);
    }

    static List<String> violations(ApiDescription description, String method, URI uri, String requestBody, int status,
                                   String contentType, String responseBody) {
        List<String> violations = new ArrayList<>();
        String path = uri.getRawPath();
        Optional<ApiDescription.Operation> found = description.operations().stream()
                .filter(o -> o.pattern().matcher(path).matches() && o.node().has(method.toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt(ApiDescription.Operation::variables));
        if (found.isEmpty()) {
            // refused before any operation (unknown path, a firewall, a method not allowed): nothing to compare
            if (status < 400) {
                violations.add("no documented operation answers it");
            }
            return violations;
        }
        ApiDescription.Operation operation = found.get();
        JsonNode op = operation.node().get(method.toLowerCase(Locale.ROOT));
        JsonNode response = op.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = op.path("responses").path("default");
        }
        if (response.isMissingNode()) {
            violations.add("status " + status + " is not documented for " + method + " " + operation.template());
            return violations;
        }
        if (responseBody != null && !responseBody.isBlank() && isJson(contentType)) {
            JsonNode schema = ApiDescription.schemaFor(response.path("content"), contentType);
            if (schema == null) {
                violations.add("a " + contentType + " answer is not documented for status " + status);
            } else {
                validate(description, schema, responseBody, "answer", violations);
            }
        }
        if (status < 300 && requestBody != null && !requestBody.isBlank()) {
            JsonNode schema = ApiDescription.schemaFor(op.path("requestBody").path("content"), "application/json");
            if (schema != null) {
                validate(description, schema, withoutNulls(requestBody), "request", violations);
            }
        }
        return violations;
    }

    private static void validate(ApiDescription description, JsonNode schemaNode, String body, String what, List<String> violations) {
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (JacksonException e) {
            violations.add("the " + what + " is not JSON");
            return;
        }
        Schema schema = description.schemas().computeIfAbsent(schemaNode.toString(), key -> {
            ObjectNode standalone = ((ObjectNode) schemaNode).deepCopy();
            // the component schemas travel with it, so "#/components/schemas/X" resolves inside one document
            standalone.set("components", description.components());
            return SCHEMAS.getSchema(standalone);
        });
        schema.validate(value).forEach(error -> violations.add("the " + what + " " + error));
    }

    /** In a request a null reads as an absent field (the services' records see no difference); answers stay as sent. */
    private static String withoutNulls(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            strip(node);
            return node.toString();
        } catch (JacksonException e) {
            return body;
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    strip(field.getValue());
                }
            }
            nulls.forEach(object::remove);
        } else if (node.isArray()) {
            node.forEach(ApiContract::strip);
        }
    }

    /** One JSON document (application/json, problem+json); JSON lines (x-ndjson, the log's export) are not one. */
    private static boolean isJson(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.contains("json") && !type.contains("ndjson");
    }
}
