package rs.greenvoucher.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The code of an R&D service provider on the eligible list: two or more digits ("01", "12", "69"). */
public record ProviderCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProviderCode {
        InvalidValueException.unless(value != null && value.matches("\\d{2,4}"), "provider code must be 2 to 4 digits");
    }

    @Override
    public String toString() {
        return value;
    }
}
