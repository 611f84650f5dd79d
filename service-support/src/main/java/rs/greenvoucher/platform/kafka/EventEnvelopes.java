package rs.greenvoucher.platform.kafka;

import rs.greenvoucher.api.kafka.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a message of gv.application.events; anything that is not a complete envelope is a poison message. */
public final class EventEnvelopes {

    private EventEnvelopes() {
    }

    public static EventEnvelope read(JsonMapper json, String message) {
        try {
            EventEnvelope envelope = json.readValue(message, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.applicationId() == null || envelope.type() == null
                    || envelope.payload() == null || envelope.occurredAt() == null) {
                throw new IllegalArgumentException("eventId, applicationId, type, occurredAt and payload are required");
            }
            return envelope;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonMessageException("not a readable event envelope: " + e.getMessage(), e);
        }
    }
}
