package rs.greenvoucher.platform.web.input;

import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way every service checks the shape of a request: each check notes its field's problem and says whether the
 * value passed (so that the checks of its parts can be skipped), and {@link #orRefuse()} refuses the whole request
 * with 400 VALIDATION_FAILED naming every field at once. Value types (MB, PIB, amounts, dates) check themselves while
 * the JSON is read; the scheme's rules come after this, in the domain, with their rule codes.
 */
public final class RequestCheck {

    private final List<Refusal.Field> errors = new ArrayList<>();

    /** {@code ok}, or the field's problem in {@code message}. */
    public boolean that(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new Refusal.Field(field, message));
        }
        return ok;
    }

    public boolean required(String field, Object value) {
        return that(value != null, field, "is required");
    }

    /** Present, not blank, at most {@code max} characters. */
    public boolean text(String field, String value, int max) {
        return that(value != null && !value.isBlank(), field, "is required") && optionalText(field, value, max);
    }

    /** Absent, or at most {@code max} characters. */
    public boolean optionalText(String field, String value, int max) {
        return that(value == null || value.length() <= max, field, "at most " + max + " characters");
    }

    /** Present with {@code min} to {@code max} items. */
    public boolean list(String field, List<?> value, int min, int max) {
        return that(value != null && value.size() >= min, field, "at least " + min + " item(s)")
                && that(value.size() <= max, field, "at most " + max + " items");
    }

    /** The value if it is one of {@code allowed}, else null and the field's problem. */
    public String oneOf(String field, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        that(false, field, "must be one of " + String.join(", ", allowed));
        return null;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Refuses the request (400 VALIDATION_FAILED, every field's problem) if any check failed. */
    public void orRefuse() {
        if (!errors.isEmpty()) {
            throw new Refusal(RefusalCode.VALIDATION_FAILED, "The request is not valid.", List.copyOf(errors));
        }
    }
}
