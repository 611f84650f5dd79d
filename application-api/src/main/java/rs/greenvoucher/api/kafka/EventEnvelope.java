package rs.greenvoucher.api.kafka;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The value of every message on {@link Topics#APPLICATION_EVENTS}: the public, versioned form of a
 * lifecycle event. {@code sequence} is the event's position in its application's stream (0, 1, 2 ...),
 * so a consumer can tell a redelivery from a new event and see the order.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        UUID applicationId,
        long sequence,
        Instant occurredAt,
        Map<String, Object> payload) {

    public static final int SCHEMA_VERSION = 1;
}
