package rs.greenvoucher.api.value;

/** A value that cannot exist: a wrong check digit, an amount with too many decimals, an unknown code. */
public class InvalidValueException extends IllegalArgumentException {
    public InvalidValueException(String message) {
        super(message);
    }

    /** The value's own check: a value type's constructor says in one line what it must be. */
    public static void unless(boolean valid, String message) {
        if (!valid) {
            throw new InvalidValueException(message);
        }
    }
}
