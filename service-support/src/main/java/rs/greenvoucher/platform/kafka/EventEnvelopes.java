package rs.greenvoucher.platform.kafka;

import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
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

    /**
     * The envelope's payload as the message its type names. Fields this code does not know are ignored (adding one
     * is not a breaking change); a type it does not know is {@link ApplicationMessage.Unrecognised}; a payload that
     * does not fit its type is a poison message.
     */
    public static ApplicationMessage message(JsonMapper json, EventEnvelope envelope) {
        try {
            ApplicationMessage message = json.readerFor(ApplicationMessage.classOf(envelope.type()))
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json.<tools.jackson.databind.JsonNode>valueToTree(envelope.payload()));
            // the envelope's applicationId and occurredAt are the ones consumers use
            if (message.status() == null) {
                throw new IllegalArgumentException("status is required");
            }
            return message;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException(envelope.type() + " payload is not readable: " + e.getMessage(), e);
        }
    }
}
