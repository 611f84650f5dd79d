package rs.greenvoucher.api.kafka;

import java.time.Instant;
import java.util.UUID;

/**
 * A message on {@link Topics#APPLICATION_EVENTS}: the public, versioned form of a lifecycle event, its payload the
 * message its {@code type} names. {@code sequence} is the event's position in its application's stream (0, 1, 2 ...),
 * so a consumer can tell a redelivery from a new event and see the order. On the wire the payload's personal fields
 * are sealed with the application's key: {@code EventEnvelopes} in service-support writes and reads it.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        UUID applicationId,
        long sequence,
        Instant occurredAt,
        ApplicationMessage payload) {

    public static final int SCHEMA_VERSION = 1;

    /** The envelope of a message, of this schema version, under its type's name. */
    public static EventEnvelope of(UUID eventId, long sequence, ApplicationMessage message) {
        return new EventEnvelope(eventId, ApplicationMessage.typeOf(message), SCHEMA_VERSION, message.applicationId(), sequence,
                message.occurredAt(), message);
    }
}
