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
        return value != null && value.matches("\\d{8}") && CheckDigits.weightedMod11(value, WEIGHTS);
    }

    @Override
    public String toString() {
        return value;
    }
}
