package rs.greenvoucher.web.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal from one of the services (problem+json): its status, code, rule codes and the messages per field, as the
 * pages show them. {@code status} 0 means the service could not be reached.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final List<String> rules;
    private final Map<String, String> fields;

    public ApiProblem(int status, String code, String detail, List<String> rules, Map<String, String> fields) {
        super(detail);
        this.status = status;
        this.code = code;
        this.rules = List.copyOf(rules);
        this.fields = new LinkedHashMap<>(fields);
    }

    public static ApiProblem unavailable() {
        return new ApiProblem(0, "UNAVAILABLE", "The service is not available.", List.of(), Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> rules() {
        return rules;
    }

    /** field path as the API names it (e.g. {@code project.services[0].costEur}) → message */
    public Map<String, String> fields() {
        return fields;
    }
}
