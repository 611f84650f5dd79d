package rs.greenvoucher.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The code of an R&D service provider on the eligible list: two or more digits ("01", "12", "69"). */
public record ProviderCode(String value) {

    public ProviderCode {
        if (value == null || !value.matches("\\d{2,4}")) {
            throw new InvalidValueException("provider code must be 2 to 4 digits");
        }
    }

    @JsonCreator
    public static ProviderCode of(String value) {
        return new ProviderCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
