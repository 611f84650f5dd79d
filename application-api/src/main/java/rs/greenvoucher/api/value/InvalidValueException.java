package rs.greenvoucher.api.value;

/** A value that cannot exist: a wrong check digit, an amount with too many decimals, an unknown code. */
public class InvalidValueException extends IllegalArgumentException {
    public InvalidValueException(String message) {
        super(message);
    }
}
