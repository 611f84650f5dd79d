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
        if (value == null || !value.matches("\\d{9}")) {
            return false;
        }
        int p = 10;
        for (int i = 0; i < 8; i++) {
            int s = (p + (value.charAt(i) - '0')) % 10;
            if (s == 0) {
                s = 10;
            }
            p = (2 * s) % 11;
        }
        int check = (11 - p) % 10;
        return check == value.charAt(8) - '0';
    }

    @Override
    public String toString() {
        return value;
    }
}
