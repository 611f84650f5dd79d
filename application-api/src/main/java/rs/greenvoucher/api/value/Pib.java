package rs.greenvoucher.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Poreski identifikacioni broj: the 9-digit tax id with an ISO 7064 MOD 11,10 check digit. */
public record Pib(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Pib {
        InvalidValueException.unless(isValid(value), "PIB must be 9 digits with a valid check digit");
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("\\d{9}") && CheckDigits.iso7064Mod11And10(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
