package rs.greenvoucher.core.voucher.inform;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The rows of the requests' deadlines, as the deadline's commands take them: inside the command's unit of work, so
 * the row is locked after the application (the order every other writer of the row keeps) and its change commits
 * with the event.
 */
public interface DeadlineRows {

    /** Locks the request's row if its reminder is still to be sent and no one else holds it. */
    boolean takeReminder(UUID applicationId, UUID requestId);

    /** Locks the request's row if its date is before {@code today} and no one else holds it. */
    boolean takeExpiry(UUID applicationId, UUID requestId, LocalDate today);

    void reminded(UUID applicationId);

    void drop(UUID applicationId, UUID requestId);
}
