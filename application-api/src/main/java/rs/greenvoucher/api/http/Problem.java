package rs.greenvoucher.api.http;

import java.util.List;

/** The contract's problem+json answer, as a client reads it: the code, the detail, the fields at fault, the rules. */
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                      List<String> ruleCodes) {

    public static final Problem NONE = new Problem(null, null, 0, null, null, List.of(), List.of());

    public record FieldError(String field, String message) {
    }
}
