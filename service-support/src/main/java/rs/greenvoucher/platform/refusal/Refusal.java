package rs.greenvoucher.platform.refusal;

import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A service or the domain says no: a refusal code, the scheme rules it is about, the fields at fault, details such as
 * the current status, and for a refusal of the moment when to try again. It knows nothing of HTTP: the web edge
 * ({@code ApiExceptionHandler}) holds the one table from code to status and writes the contract's problem+json.
 */
public class Refusal extends RuntimeException {

    /** A field of the request and what is wrong with it. */
    public record Field(String field, String message) {
    }

    private final RefusalCode code;
    private final List<RuleCode> rules;
    private final List<Field> fields;
    private final Map<String, Object> details;
    private final Duration retryAfter;

    public Refusal(RefusalCode code, String detail, List<RuleCode> rules, List<Field> fields, Map<String, Object> details) {
        this(code, detail, rules, fields, details, null);
    }

    private Refusal(RefusalCode code, String detail, List<RuleCode> rules, List<Field> fields, Map<String, Object> details,
                    Duration retryAfter) {
        super(detail);
        this.code = code;
        this.rules = List.copyOf(rules);
        this.fields = List.copyOf(fields);
        this.details = Map.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public Refusal(RefusalCode code, String detail) {
        this(code, detail, List.of(), List.of(), Map.of());
    }

    public Refusal(RefusalCode code, String detail, List<Field> fields) {
        this(code, detail, List.of(), fields, Map.of());
    }

    public static Refusal notFound() {
        return notFound("No such resource.");
    }

    public static Refusal notFound(String detail) {
        return new Refusal(RefusalCode.NOT_FOUND, detail);
    }

    /** The request is not valid: one field and what is wrong with it. */
    public static Refusal invalid(String field, String message) {
        return invalid(List.of(new Field(field, message)));
    }

    public static Refusal invalid(List<Field> fields) {
        return new Refusal(RefusalCode.VALIDATION_FAILED, "The request is not valid.", fields);
    }

    /** Too many at once from one caller ({@code code}: TOO_MANY_REQUESTS or ACCOUNT_LOCKED): try again after {@code wait}. */
    public static Refusal tooManyRequests(RefusalCode code, String detail, Duration wait) {
        return new Refusal(code, detail, List.of(), List.of(), Map.of(), wait);
    }

    /** The service is busy or cannot reach what it needs for a moment; nothing was changed. */
    public static Refusal unavailable(String detail, Duration wait) {
        return new Refusal(RefusalCode.UNAVAILABLE, detail, List.of(), List.of(), Map.of(), wait);
    }

    public RefusalCode code() {
        return code;
    }

    public List<RuleCode> rules() {
        return rules;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Extra members of the answer, such as {@code currentStatus} or {@code ruleCodes}. */
    public Map<String, Object> details() {
        return details;
    }

    /** For a refusal of the moment: when to try again; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
