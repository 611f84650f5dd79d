package rs.greenvoucher.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Matični broj: the 8-digit company registration number with its mod-11 check digit (weights 2,7,6,5,4,3,2). */
public record Mb(@JsonValue String value) {

    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2};

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Mb {
        InvalidValueException.unless(isValid(value), "MB must be 8 digits with a valid check digit");
    }

    public static boolean isValid(String value) {
        if (value == null || !value.matches("\\d{8}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        int r = sum % 11;
        if (r == 1) {
            return false;
        }
        int check = r == 0 ? 0 : 11 - r;
        return check == value.charAt(7) - '0';
    }

    @Override
    public String toString() {
        return value;
    }
}
