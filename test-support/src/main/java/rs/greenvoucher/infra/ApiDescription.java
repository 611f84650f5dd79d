package rs.greenvoucher.infra;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** A service's served OpenAPI description: its operations, each path template as a pattern, and its component schemas. */
record ApiDescription(JsonNode components, List<ApiDescription.Operation> operations, Map<String, Schema> schemas) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Operation(String template, Pattern pattern, int variables, JsonNode node) {
    }

    static ApiDescription load(String base) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(base + "/v3/api-docs answered " + r.statusCode());
            }
            return of(JSON.readTree(r.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(base + "/v3/api-docs could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operations of one OpenAPI document, each path template as a pattern, and its component schemas. */
    static ApiDescription of(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            String template = path.getKey();
            int variables = template.split("\\{", -1).length - 1;
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            operations.add(new Operation(template, Pattern.compile(regex), variables, path.getValue()));
        }
        JsonNode components = doc.path("components").isObject() ? doc.get("components") : JSON.createObjectNode();
        return new ApiDescription(components, operations, new ConcurrentHashMap<>());
    }

    /** The schema of the content of this type in a response or request body, or of JSON; null when none is documented. */
    static JsonNode schemaFor(JsonNode content, String contentType) {
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
}
