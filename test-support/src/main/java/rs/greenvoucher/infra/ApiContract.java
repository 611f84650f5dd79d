package rs.greenvoucher.infra;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
    private static final Map<String, Description> DESCRIPTIONS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiContract() {
    }

    record Operation(String template, Pattern pattern, int variables, JsonNode node) {
    }

    record Description(JsonNode components, List<Operation> operations, Map<String, Schema> schemas) {
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
        return violations(DESCRIPTIONS.computeIfAbsent(base, ApiContract::load), method, uri, requestBody, status, contentType,
                responseBody);
    }

    static List<String> violations(Description description, String method, URI uri, String requestBody, int status,
                                   String contentType, String responseBody) {
        List<String> violations = new ArrayList<>();
        String path = uri.getRawPath();
        Optional<Operation> found = description.operations().stream()
                .filter(o -> o.pattern().matcher(path).matches() && o.node().has(method.toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt(Operation::variables));
        if (found.isEmpty()) {
            // refused before any operation (unknown path, a firewall, a method not allowed): nothing to compare
            if (status < 400) {
                violations.add("no documented operation answers it");
            }
            return violations;
        }
        Operation operation = found.get();
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
            JsonNode schema = schemaFor(response.path("content"), contentType);
            if (schema == null) {
                violations.add("a " + contentType + " answer is not documented for status " + status);
            } else {
                validate(description, schema, responseBody, "answer", violations);
            }
        }
        if (status < 300 && requestBody != null && !requestBody.isBlank()) {
            JsonNode schema = schemaFor(op.path("requestBody").path("content"), "application/json");
            if (schema != null) {
                validate(description, schema, withoutNulls(requestBody), "request", violations);
            }
        }
        return violations;
    }

    private static void validate(Description description, JsonNode schemaNode, String body, String what, List<String> violations) {
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

    private static JsonNode schemaFor(JsonNode content, String contentType) {
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        for (String key : List.of(type, "application/json", "*/*")) {
            if (content.has(key) && content.get(key).has("schema")) {
                return content.get(key).get("schema");
            }
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static Description load(String base) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(base + "/v3/api-docs answered " + r.statusCode());
            }
            return describe(JSON.readTree(r.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(base + "/v3/api-docs could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operations of one OpenAPI document, each path template as a pattern, and its component schemas. */
    static Description describe(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            String template = path.getKey();
            int variables = template.split("\\{", -1).length - 1;
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            operations.add(new Operation(template, Pattern.compile(regex), variables, path.getValue()));
        }
        JsonNode components = doc.path("components").isObject() ? doc.get("components") : JSON.createObjectNode();
        return new Description(components, operations, new ConcurrentHashMap<>());
    }
}
