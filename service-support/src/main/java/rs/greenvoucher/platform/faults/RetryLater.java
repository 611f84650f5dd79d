package rs.greenvoucher.platform.faults;

/** A failure its thrower knows will not happen the same way when the work is tried again: retried, never parked. */
public class RetryLater extends RuntimeException {

    public RetryLater(String message, Throwable cause) {
        super(message, cause);
    }
}
