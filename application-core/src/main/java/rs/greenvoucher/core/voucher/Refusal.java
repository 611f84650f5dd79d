package rs.greenvoucher.core.voucher;

import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;

import java.util.List;
import java.util.Map;

/**
 * The domain says no: a refusal code, the scheme rules it is about, the fields at fault and details such as the
 * current status. Plain domain knowledge: the web edge (CoreExceptionHandler) turns it into problem+json.
 */
public class Refusal extends RuntimeException {

    /** A field of the request and what is wrong with it. */
    public record Field(String field, String message) {
    }

    private final RefusalCode code;
    private final List<RuleCode> rules;
    private final List<Field> fields;
    private final Map<String, Object> details;

    public Refusal(RefusalCode code, String detail, List<RuleCode> rules, List<Field> fields, Map<String, Object> details) {
        super(detail);
        this.code = code;
        this.rules = List.copyOf(rules);
        this.fields = List.copyOf(fields);
        this.details = Map.copyOf(details);
    }

    public static Refusal notFound(String detail) {
        return new Refusal(RefusalCode.NOT_FOUND, detail, List.of(), List.of(), Map.of());
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
}
